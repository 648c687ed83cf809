/**
 * What the HTTP server (scripts/serve.ts) hands every loader and action: the CSP nonce of the response,
 * the client's address, and the signed-in session. Checked with zod on use, so that a server started some
 * other way fails with a sentence instead of treating everyone as anonymous.
 */
import { z } from "zod";
import { roleSchema } from "./forms";
import type { SessionUser } from "~/domain/roles";

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitCode: z.string().nullable(),
});

export const requestAuthSchema = z.object({
  cspNonce: z.string().min(16),
  clientAddress: z.string(),
  session: z.object({ idHash: z.string(), user: sessionUserSchema }).nullable(),
});
export type RequestAuth = z.infer<typeof requestAuthSchema>;

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    cspNonce: string;
    clientAddress: string;
    session: { idHash: string; user: SessionUser } | null;
  }
}

export function getRequestAuth(context: unknown): RequestAuth {
  const parsed = requestAuthSchema.safeParse(context);
  if (!parsed.success) {
    throw new Error("parboard must be served by scripts/serve.ts (npm start): the request has no session context");
  }
  return parsed.data;
}
