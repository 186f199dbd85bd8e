package io.gridcast.core.auth;

/** How an OAuth2 client authenticates at the token endpoint (RFC 6749 §2.3.1). */
public enum ClientAuthMethod {
  /** {@code Authorization: Basic base64(client_id:client_secret)} — the default. */
  BASIC,
  /** {@code client_id} and {@code client_secret} in the form body. */
  FORM,
  /** Only {@code client_id} in the form body: public clients using PKCE. */
  NONE
}
