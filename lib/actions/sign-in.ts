"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn as authSignIn, signOut as authSignOut } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInSchema } from "@/lib/validation/auth";

export type SignInState = { error: "INVALID_CREDENTIALS" | "RATE_LIMITED" | "VALIDATION" | null };

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
    if (error instanceof CredentialsSignin && error.code === "rate_limited") return { error: "RATE_LIMITED" };
    if (error instanceof AuthError) return { error: "INVALID_CREDENTIALS" };
    throw error; // the redirect after a successful sign-in travels as an exception
  }
  return { error: null };
}

export async function signOutAction(): Promise<void> {
  await authSignOut({ redirectTo: "/" });
}
