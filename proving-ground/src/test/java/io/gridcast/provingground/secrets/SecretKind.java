package io.gridcast.provingground.secrets;

/** What a secret is: failures name the kind, never the value. */
enum SecretKind {
  CLIENT_SECRET("client secret"),
  PASSWORD("user password"),
  WEBHOOK_SECRET("webhook signing secret"),
  BASIC_CREDENTIALS("Authorization value (Basic)"),
  SPOTIFY_ACCESS_TOKEN("Spotify access token"),
  SPOTIFY_REFRESH_TOKEN("Spotify refresh token"),
  TRADING_GRID_ACCESS_TOKEN("Trading Grid access token"),
  AUTHORIZATION_CODE("authorization code"),
  PKCE_VERIFIER("PKCE code verifier"),
  /** Found by its shape (a sandbox token's prefix and length), though never harvested. */
  TOKEN_SHAPED("token-shaped string");

  final String label;

  SecretKind(String label) {
    this.label = label;
  }

  /**
   * Whether any {@link SecretScanner#WINDOW} consecutive characters of a value give it away:
   * true for random values, false for a Basic value, whose leading characters only encode the
   * public client id (its secret part is checked as a {@link #CLIENT_SECRET} of its own).
   */
  boolean windowed() {
    return this != BASIC_CREDENTIALS;
  }

  @Override
  public String toString() {
    return label;
  }
}
