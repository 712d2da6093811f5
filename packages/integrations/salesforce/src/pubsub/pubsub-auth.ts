/**
 * What every Pub/Sub API call carries as metadata (vendor-facts §1.4): `accesstoken` (the OAuth
 * access token of the REST session), `instanceurl` (the org's REST host) and `tenantid` (the org
 * id, `00D…`). Source: `pubsub_api.proto` service comment; Pub/Sub API "Supported Authentication".
 */
export interface PubSubCredentials {
  accessToken: string;
  instanceUrl: string;
  tenantId: string;
}

/**
 * Where a Pub/Sub client gets its credentials: the Salesforce REST client's shared session
 * (`SalesforceClient.pubSubAuth`), so the subscriber and the REST calls sign in once between them.
 */
export interface PubSubAuth {
  /**
   * The current session's credentials, signing in first when there is none.
   * @throws SalesforceError `auth` when signing in fails or the token response names no org id.
   */
  current(): Promise<PubSubCredentials>;
  /**
   * Credentials other than `stale` (refused with `UNAUTHENTICATED`): the session another caller
   * already renewed, or a fresh sign-in.
   * @throws SalesforceError as {@link current}.
   */
  renew(stale: PubSubCredentials): Promise<PubSubCredentials>;
}
