import { describe, expect, it } from "vitest";
import { checkRequestOrigin } from "~/http/csrf";

describe("cross-site requests", () => {
  const host = "127.0.0.1:3000";
  it("lets reads through and refuses writes that name another site", () => {
    expect(checkRequestOrigin({ method: "GET", origin: "https://evil.example", secFetchSite: "cross-site", host }).ok).toBe(true);
    expect(checkRequestOrigin({ method: "POST", origin: "http://127.0.0.1:3000", secFetchSite: "same-origin", host }).ok).toBe(true);
    expect(checkRequestOrigin({ method: "POST", origin: "https://evil.example", secFetchSite: undefined, host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "POST", origin: undefined, secFetchSite: "cross-site", host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "POST", origin: undefined, secFetchSite: "same-site", host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "POST", origin: "null", secFetchSite: undefined, host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "DELETE", origin: "http://127.0.0.1:3001", secFetchSite: undefined, host }).ok).toBe(false);
    // Neither header: not a browser page (curl, a script); it still needs its own session to change anything.
    expect(checkRequestOrigin({ method: "POST", origin: undefined, secFetchSite: undefined, host }).ok).toBe(true);
  });
});
