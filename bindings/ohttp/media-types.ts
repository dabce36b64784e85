// RFC 9458 §9: the media types of Oblivious HTTP messages and key configurations.

export const MEDIA_TYPE = Object.freeze({
  /** §9.2: an Encapsulated Request (§4.1). */
  REQUEST: 'message/ohttp-req',
  /** §9.3: an Encapsulated Response (§4.2). */
  RESPONSE: 'message/ohttp-res',
  /** §9.1: a list of key configurations (§3.2). */
  KEYS: 'application/ohttp-keys',
});
