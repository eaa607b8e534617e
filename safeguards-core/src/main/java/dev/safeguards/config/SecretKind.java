package dev.safeguards.config;

/** What kind of secret a key holds, which decides how strong it must be ({@code secret.weak}). */
public enum SecretKind {
  /**
   * A token compared by machines (API key, admin token, signing key): at least 32 characters. 32
   * random hex characters carry 128 bits, out of reach of brute force even offline; since no person
   * types a token, there is no reason to accept less.
   */
  TOKEN(32),
  /**
   * A password one service presents to another (database, broker): at least 16 characters. It is
   * generated and stored, never typed, so length costs nothing, while online guessing against an
   * exposed database port is cheap.
   */
  PASSWORD(16);

  private final int minimumLength;

  SecretKind(int minimumLength) {
    this.minimumLength = minimumLength;
  }

  /** The minimum number of characters. */
  public int minimumLength() {
    return minimumLength;
  }
}
