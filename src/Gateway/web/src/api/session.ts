import { timestampDate } from "@bufbuild/protobuf/wkt";
import { createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { Identity, type Session, type User } from "../gen/crm/identity/v1/identity_pb";

export type SessionState =
  | { status: "restoring" }
  | { status: "signedOut"; reason?: string }
  | { status: "signedIn"; user: User };

/** The refresh token survives a page reload of this tab (sessionStorage); the access token lives in memory only. */
const refreshTokenKey = "crm.refreshToken";
/** How long before the access token expires a new session is fetched. */
const refreshMargin = 60_000;
const minimumRefreshDelay = 5_000;

/** SignIn and RefreshSession need no token, so they go without the authorising interceptor. */
const signInClient = createClient(Identity, createGrpcWebTransport({ baseUrl: window.location.origin }));

/**
 * The signed-in user's session: signs in, keeps the access token fresh by refreshing shortly before it expires,
 * restores the session from the refresh token after a reload, and ends it on sign-out or when a call is
 * UNAUTHENTICATED.
 */
class SessionStore {
  private state: SessionState = sessionStorage.getItem(refreshTokenKey) ? { status: "restoring" } : { status: "signedOut" };
  private accessToken = "";
  private accessTokenExpiry = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor() {
    if (this.state.status === "restoring") void this.refresh().catch(() => undefined);
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = () => this.state;

  async signIn(email: string, password: string): Promise<void> {
    this.accept(await signInClient.signIn({ email, password }));
  }

  async signOut(): Promise<void> {
    const refreshToken = sessionStorage.getItem(refreshTokenKey);
    const accessToken = this.accessToken;
    this.end();
    if (refreshToken && accessToken) {
      await signInClient.signOut({ refreshToken }, { headers: { authorization: `Bearer ${accessToken}` } }).catch(() => undefined);
    }
  }

  /** A call was refused as UNAUTHENTICATED: the session is over. */
  expired() {
    if (this.state.status === "signedIn") this.end("Your session has ended. Sign in again.");
  }

  /** The access token for the next call, refreshed first when it is about to expire. */
  async accessTokenForCall(): Promise<string> {
    if (this.state.status === "restoring" || (this.accessToken && Date.now() > this.accessTokenExpiry - refreshMargin)) {
      await this.refresh().catch(() => undefined);
    }
    return this.accessToken;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const refreshToken = sessionStorage.getItem(refreshTokenKey);
      try {
        if (!refreshToken) throw new Error("no refresh token");
        this.accept(await signInClient.refreshSession({ refreshToken }));
      } catch (error) {
        this.end(this.state.status === "signedIn" ? "Your session has ended. Sign in again." : undefined);
        throw error;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private accept(session: Session) {
    this.accessToken = session.accessToken;
    this.accessTokenExpiry = session.accessTokenExpireTime ? timestampDate(session.accessTokenExpireTime).getTime() : Date.now();
    sessionStorage.setItem(refreshTokenKey, session.refreshToken);
    clearTimeout(this.refreshTimer);
    const delay = Math.max(this.accessTokenExpiry - Date.now() - refreshMargin, minimumRefreshDelay);
    this.refreshTimer = setTimeout(() => void this.refresh().catch(() => undefined), delay);
    this.set({ status: "signedIn", user: session.user! });
  }

  private end(reason?: string) {
    clearTimeout(this.refreshTimer);
    this.accessToken = "";
    this.accessTokenExpiry = 0;
    sessionStorage.removeItem(refreshTokenKey);
    this.set({ status: "signedOut", reason });
  }

  private set(state: SessionState) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export const session = new SessionStore();
