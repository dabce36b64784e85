// RFC 9458 §9: the media types of Oblivious HTTP messages and key configurations.

/** §9.2: an Encapsulated Request (§4.1). */
export const MEDIA_TYPE_REQUEST = 'message/ohttp-req';
/** §9.3: an Encapsulated Response (§4.2). */
export const MEDIA_TYPE_RESPONSE = 'message/ohttp-res';
/** §9.1: a list of key configurations (§3.2). */
export const MEDIA_TYPE_KEYS = 'application/ohttp-keys';
