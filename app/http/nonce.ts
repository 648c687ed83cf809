/**
 * The CSP nonce of the response being rendered, for Remix's inline scripts. Provided by entry.server.tsx;
 * empty in the browser, where the scripts have already run.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
