"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn as authSignIn, signOut as authSignOut } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInSchema } from "@/lib/validation/auth";

export type SignInState = { error: "INVALID_CREDENTIALS" | "RATE_LIMITED" | "VALIDATION" | "INTERNAL" | null };

// Sign-in and sign-out establish or end the session, so they stand outside the action wrapper;
// the attempt itself is checked and counted in lib/auth/credentials.ts.
export async function signInWithPassword(input: unknown): Promise<SignInState> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { error: "VALIDATION" };
  try {
    await authSignIn("credentials", {
      identifier: parsed.data.identifier,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: error.code === "rate_limited" ? "RATE_LIMITED" : "INVALID_CREDENTIALS" };
    // Anything else (the database down, say) is not the visitor's fault: never say "wrong password".
    if (error instanceof AuthError) {
      console.error("[sign-in]", error);
      return { error: "INTERNAL" };
    }
    throw error; // the redirect after a successful sign-in travels as an exception
  }
  return { error: null };
}

export async function signOutAction(): Promise<void> {
  await authSignOut({ redirectTo: "/" });
}
