// Types of exports.mjs, for the tests that run the generator.
export declare const EXPORTS_FILE: string;
export declare function exportsModule(dts: string): string;
