/**
 * Heuristics for "this looks like a credential", shared by the parsers (template literals) and the live collectors
 * (user data, environment values read in memory). They decide flags only (LooksLikeCredential); the values
 * themselves are never kept. Each check is a plain scan or one anchored pattern, so a 5 MB template costs little.
 */

const CREDENTIAL_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|auth[-_]?key|client[-_]?secret|conn(ection)?[-_]?str(ing)?)/i;
const NOT_A_CREDENTIAL_NAME = /(_(arn|name|id|path|url|uri|file|region|ttl|expiry|length)|arn|name|id)$/i;

/** Whether an environment variable's (or parameter's) name says it holds a credential (`DB_PASSWORD`, `API_KEY`). */
export function nameLooksLikeCredential(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !NOT_A_CREDENTIAL_NAME.test(name);
}

const AWS_KEY_ID = /\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/;
const KNOWN_TOKEN = /\b(ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20})/;
const SECRET_ASSIGNMENT = /(pass(word|wd)?|secret|token|api[-_]?key|aws_secret_access_key)["']?\s*[:=]\s*["']?[^\s"'$]{6,}/i;

/** Whether a value looks like a credential whatever its name: an AWS key id, a private key, a known token format. */
export function valueLooksLikeCredential(value: string): boolean {
  if (value.length < 8) return false;
  if (value.includes('PRIVATE KEY-----')) return true;
  return AWS_KEY_ID.test(value) || KNOWN_TOKEN.test(value);
}

/** A value that points at a secret store rather than holding the secret (`{{resolve:…}}`, a Secrets Manager ARN). */
export function isSecretReference(value: string): boolean {
  return value.startsWith('{{resolve:') || value.startsWith('arn:aws:secretsmanager:') || value.startsWith('arn:aws:ssm:') || value.startsWith('arn:aws-us-gov:secretsmanager:');
}

/** A named literal (environment variable, parameter default) that looks like a hard-coded credential. */
export function entryLooksLikeCredential(name: string, value: string): boolean {
  if (value.trim() === '' || isSecretReference(value)) return false;
  return valueLooksLikeCredential(value) || (nameLooksLikeCredential(name) && !looksLikePlaceholder(value));
}

/** Free text (EC2 user data, a script): credentials written in it, such as `export DB_PASSWORD=hunter22`. */
export function textLooksLikeCredential(text: string): boolean {
  return valueLooksLikeCredential(text) || SECRET_ASSIGNMENT.test(text);
}

function looksLikePlaceholder(value: string): boolean {
  const v = value.toLowerCase();
  return v === 'changeme' || v === 'none' || v === 'null' || v === 'todo' || v === 'false' || v === 'true' || v.startsWith('${') || v.startsWith('<');
}

const SECRET_PROPERTY = /(password|passwd|passphrase|secretstring|secretkey|secretaccesskey|clientsecret|authtoken|accesstoken|oauthtoken|refreshtoken|apikey|privatekey|token)$/i;
const secretKeyCache = new Map<string, boolean>();

/**
 * Whether a property key holds a secret by its name (`MasterUserPassword`, `AuthToken`, `SecretString`): a literal
 * string there is replaced by `<redacted>`. Names like `SecretArn` or `PasswordPolicy` do not match.
 */
export function isSecretPropertyKey(key: string): boolean {
  let known = secretKeyCache.get(key);
  if (known === undefined) {
    known = SECRET_PROPERTY.test(key);
    if (secretKeyCache.size < 10_000) secretKeyCache.set(key, known);
  }
  return known;
}
