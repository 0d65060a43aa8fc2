export const USAGE = `Usage: portico <command> [flags]

Commands:
  user create --email E --password P [--name N] [--admin] [--json]
      Create a user account (--admin: may use the developer portal's admin pages).

  client create --name N --redirect-uri U [--redirect-uri U …] [--post-logout-redirect-uri U …]
                [--type web|spa|native|service] [--scope S] [--access-token-format opaque|jwt]
                [--token-endpoint-auth-method client_secret_basic|client_secret_post]
                [--id-token-alg RS256|ES256|EdDSA] [--json]
      Register an application. web (default) and service get a client secret, shown once;
      spa and native are public clients that use PKCE. service takes no redirect URIs.

  client verify <client_id> [--json]
  client unverify <client_id> [--json]
      Mark an application as verified once you have checked who runs it (or take that back).
      The consent screen shows users whether you have; developers cannot set it themselves.

  bootstrap [--name APP] [--redirect-uri U …] [--json]
      Register Development, Staging and Production web applications for one app
      (default name "My App", default redirect URI http://localhost:3001/callback).

  keys rotate [--json]
      Activate new signing keys; the previous public keys stay published until the tokens
      they signed have expired.

  db migrate
      Apply pending database migrations (the other commands do this first anyway).

  help
      Show this text.

The CLI reads the same configuration as the server: DATABASE_URL (default: SQLite in
PORTICO_DATA_DIR, ./data), PORTICO_SECRET, PORTICO_ISSUER. --json prints one JSON object.
Exit status: 0 success, 1 error, 2 wrong command or flags.
`;
