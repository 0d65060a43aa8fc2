export const USAGE = `Usage: portico <command> [flags]

Commands:
  user create --email E --password P [--name N] [--admin] [--json]
      Create a user account (--admin: may use the developer portal's admin pages).

  user reset-password --email E [--json]
      Give a locked-out account a new temporary password, printed once (e.g. the first
      administrator's after its 24 hours): it must be changed at the next sign-in and works
      for 24 hours. Signs the account out everywhere and revokes its personal access tokens.

  client create --name N --redirect-uri U [--redirect-uri U …] [--post-logout-redirect-uri U …]
                [--type web|spa|native|service] [--scope S] [--access-token-format opaque|jwt]
                [--id-token-alg RS256|ES256|EdDSA] [protocol options] [--json]
      Register an application. web (default) and service get a client secret, shown once
      (none with private_key_jwt); spa and native are public clients that use PKCE.
      service takes no redirect URIs.

  client update <client_id> [--name N] [--redirect-uri U …] [--post-logout-redirect-uri U …]
                [--scope S] [protocol options] [--json]
      Change an application. Lists replace the stored ones; an empty URL removes one.
      A switch to client_secret_jwt (or away from private_key_jwt) prints a new secret once.

      Protocol options (RFC 7591 names):
        --grant-type G …               authorization_code, implicit, refresh_token,
                                       client_credentials, urn:ietf:params:oauth:grant-type:device_code
        --response-type T …            code, id_token, "id_token token", "code id_token",
                                       "code token", "code id_token token" (implicit and hybrid
                                       types need --grant-type implicit)
        --token-endpoint-auth-method M client_secret_basic, client_secret_post, client_secret_jwt,
                                       private_key_jwt (needs --jwks, --jwks-file or --jwks-uri)
        --jwks JSON | --jwks-file PATH  your public keys as a JWK Set ("" removes them)
        --jwks-uri URL                 where Portico fetches them (https, public host)
        --token-endpoint-auth-signing-alg A, --request-object-signing-alg A
                                       RS256…512, PS256…512, ES256…512, EdDSA, Ed25519, HS256…512
        --[no-]dpop-bound-access-tokens, --[no-]require-pushed-authorization-requests
        --subject-type public|pairwise [--sector-identifier-uri URL]
        --frontchannel-logout-uri URL [--[no-]frontchannel-logout-session-required]

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

  resources create --identifier URI --name NAME [--description TEXT] [--format jwt|opaque]
                   [--ttl SECONDS] [--open] [--json]
      Register an operator-managed API (RFC 8707 resource; URI: https, or http on localhost).
      Developers ask for its scopes in the portal; you decide with "resources approve".
      --open: any app (MCP clients that register themselves too) may ask, users consent.

  resources list [--json]
      Every API, the operator's and every team's, with its owner and scopes.

  resources scope add <resource> <name> --description TEXT [--json]
      Add a scope to an operator-managed API (<resource>: its id or identifier).

  resources approve <resource> <client_id> --scope "a b" [--json]
      Let an app get these scopes of an operator-managed API (replaces its previous approval).

  resources default <identifier> | --none [--json]
      The API that tokens requested without a resource are for (an operator-managed API).

  settings show [--json]
      Show the operator settings the server uses.

  settings registration --mode open|off|initial_access_token [--ttl-days N] [--json]
      Who may register clients at /oauth/register (RFC 7591): anyone (clients expire N days
      after registration, default 30), nobody, or only with PORTICO_REGISTRATION_TOKEN.
      Running servers apply it within seconds, without a restart.

  help
      Show this text.

The CLI reads the same configuration as the server: DATABASE_URL (default: SQLite in
PORTICO_DATA_DIR, ./data), PORTICO_SECRET, PORTICO_ISSUER. --json prints one JSON object.
Exit status: 0 success, 1 error, 2 wrong command or flags.
`;
