// The application of examples/private-processing.ts: the extractive summary of chat messages that
// the processing nodes compute.

export interface ChatMessage {
  from: string;
  text: string;
}

const STOP_WORDS = new Set(
  'the a an and or but to of in on at for with is are was were be been it this that we you i our your my me us can will just so as by from about have has had do did not'.split(
    ' ',
  ),
);

/** An extractive summary: the `count` sentences whose words are most frequent overall, in order. */
export function summarise(messages: readonly ChatMessage[], count = 2): string[] {
  const sentences = messages.flatMap((m) =>
    m.text
      .split(/(?<=[.!?])\s+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const wordsOf = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
  const frequency = new Map<string, number>();
  for (const w of sentences.flatMap(wordsOf)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const score = (s: string) =>
    wordsOf(s).reduce((sum, w) => sum + frequency.get(w)!, 0) / Math.max(1, wordsOf(s).length);
  const top = new Set([...sentences].sort((a, b) => score(b) - score(a)).slice(0, count));
  return sentences.filter((s) => top.has(s));
}
