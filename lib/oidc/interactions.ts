/**
 * What the sign-in and consent screens may ask of a parked authorization request.
 * The screens never see the raw request: they get a description, and they report the user's
 * decision, which is re-validated here before anything is granted.
 */
import { markDenied } from './authorization/consent-denial.ts';
import { validateAuthorizationParams, validateClientAndRedirect } from './authorization/validate-request.ts';
import type { ProviderContext } from './context.ts';
import { paths } from './context.ts';
import { accessDenied } from './errors.ts';
import type { ApiResourceRecord } from './ports.ts';
import { authorizationResponseUrl, errorResponseParams } from './http/responses.ts';
import { describeScopes, formatScope, REQUIRED_SCOPES, type DescribedScope, type ScopeApi } from './scopes.ts';

export type InteractionView = {
  id: string;
  client: {
    id: string; name: string; logoUri: string | null; clientUri: string | null; policyUri: string | null; tosUri: string | null;
    /** The operator has checked who runs the app: the consent screen says so, or says it has not. */
    verified: boolean;
    /** The client_id is the URL of the app's own metadata document: nobody has checked it. */
    metadataDocument: boolean;
  };
  /** `required` scopes cannot be unticked on the consent screen; ordered by group, API scopes last. */
  scopes: DescribedScope[];
  /** RFC 8707: the APIs the app asks to use on the user's behalf (with or without scopes of theirs). */
  apis: ScopeApi[];
  loginHint: string | null;
  prompts: string[];
  resumeUrl: string;
};

export class InteractionExpiredError extends Error {
  constructor() {
    super('This request has expired or is invalid. Return to the application and try again.');
  }
}

export function createInteractions(ctx: ProviderContext) {
  const resumeUrl = (id: string) => `${paths.authorization}?interaction=${encodeURIComponent(id)}`;

  async function load(id: string) {
    const interaction = await ctx.stores.interactions.find(id);
    if (!interaction || interaction.expiresAt <= ctx.clock()) return null;
    const params = new Map(Object.entries(interaction.params));
    try {
      const { client, target } = await validateClientAndRedirect(ctx, params);
      return { interaction, request: await validateAuthorizationParams(ctx, client, target, params) };
    } catch {
      return null;
    }
  }

  async function loadOrThrow(id: string) {
    const loaded = await load(id);
    if (!loaded) throw new InteractionExpiredError();
    return loaded;
  }

  return {
    async describe(id: string, _userId: string | null): Promise<InteractionView | null> {
      const loaded = await load(id);
      if (!loaded) return null;
      const { interaction, request } = loaded;
      return {
        id,
        client: {
          id: request.client.id,
          name: request.client.name,
          logoUri: request.client.logoUri,
          clientUri: request.client.clientUri,
          policyUri: request.client.policyUri,
          tosUri: request.client.tosUri,
          verified: request.client.verified,
          metadataDocument: request.client.metadataDocument,
        },
        scopes: describeScopes(request.scopes, request.client.scopeDescriptions, request.resources.map(asDescribedApi)),
        apis: request.resources.map(({ identifier, name, ownerName }) => ({ identifier, name, ownerName })),
        loginHint: request.loginHint ?? null,
        prompts: request.prompts,
        resumeUrl: resumeUrl(interaction.id),
      };
    },

    /**
     * Records Allow or Deny. With Allow the user may grant a subset of the requested scopes
     * (`granted`, default all); the authorization then continues with exactly that subset, so the
     * tokens carry what the user granted (RFC 6749 §3.3: the issued scope may differ from the request).
     */
    async decideConsent(id: string, userId: string, decision: 'allow' | 'deny', granted?: string[]): Promise<string> {
      const { interaction, request } = await loadOrThrow(id);
      if (decision === 'deny') {
        // A form_post answer is a page, not a URL: the authorization endpoint sends it (authorization/consent-denial.ts).
        if (request.responseMode === 'form_post') {
          await ctx.stores.interactions.updateParams(interaction.id, markDenied(interaction.params));
          return resumeUrl(interaction.id);
        }
        await ctx.stores.interactions.delete(interaction.id);
        // RFC 6749 §4.1.2.1 / §4.2.2.1: the resource owner denied the request.
        const params = errorResponseParams(accessDenied('The user denied the request.'), request.state, ctx.settings.issuer);
        return authorizationResponseUrl({ redirectUri: request.redirectUri, mode: request.responseMode, params });
      }
      const scopes = granted ? request.scopes.filter((s) => granted.includes(s) || REQUIRED_SCOPES.includes(s)) : request.scopes;
      const withdrawn = request.scopes.filter((s) => !scopes.includes(s));
      if (withdrawn.length) await ctx.stores.interactions.updateParams(interaction.id, { ...interaction.params, scope: formatScope(scopes) });
      await ctx.stores.consents.grant(userId, request.client.id, scopes, withdrawn, request.resources.map((r) => r.identifier));
      await ctx.stores.interactions.mark(interaction.id, 'consentAt', ctx.clock());
      return resumeUrl(interaction.id);
    },

    async confirmAccount(id: string, _userId: string): Promise<string> {
      const { interaction } = await loadOrThrow(id);
      await ctx.stores.interactions.mark(interaction.id, 'accountAt', ctx.clock());
      return resumeUrl(interaction.id);
    },
  };
}

export type Interactions = ReturnType<typeof createInteractions>;

const asDescribedApi = (r: ApiResourceRecord) => ({ identifier: r.identifier, name: r.name, ownerName: r.ownerName, scopes: r.scopes });
