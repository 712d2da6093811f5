"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { loginRequestSchema, type LoginRequest } from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useLogin } from "@/features/auth/hooks/use-login";
import { isApiClientError } from "@/lib/api/api-client-error";

/** Title and text of the alert shown for a failed sign-in, by error code (docs/api.md). */
function describeLoginError(error: unknown): { title: string; description: string } {
  if (isApiClientError(error, "INVALID_CREDENTIALS")) {
    return { title: "Couldn't sign you in", description: "The email or password is incorrect." };
  }
  if (isApiClientError(error, "ACCOUNT_LOCKED")) {
    // The server's message already says how long the lock lasts.
    return { title: "Account temporarily locked", description: error.message };
  }
  if (isApiClientError(error, "RATE_LIMITED")) {
    return { title: "Too many attempts", description: "Please wait a minute, then try again." };
  }
  if (isApiClientError(error, "VALIDATION_FAILED")) {
    return { title: "Check your details", description: error.message };
  }
  return {
    title: "Sign-in is unavailable right now",
    description: "We couldn't sign you in. Please try again in a moment.",
  };
}

/**
 * Email and password sign-in. Validates with the domain's `loginRequestSchema`, shows server
 * errors in an alert above the fields, and on success goes to `next` (already checked to be a
 * path on this site).

 */
export function LoginForm({ next, sessionExpired }: { next: string; sessionExpired: boolean }) {
  const router = useRouter();
  const login = useLogin();
  const form = useForm<LoginRequest>({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;
  const busy = login.isPending || login.isSuccess;

  // After a failed attempt, put the customer back in the password field (the fieldset was
  // disabled during the request, which dropped focus); the alert itself is announced.
  useEffect(() => {
    if (login.error) form.setFocus("password", { shouldSelect: true });
  }, [login.error, form]);

  const onSubmit = form.handleSubmit((values) => {
    login.mutate(values, { onSuccess: () => router.replace(next) });
  });

  const failure = login.isError ? describeLoginError(login.error) : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-5">
        <legend className="sr-only">Your sign-in details</legend>
        {sessionExpired && !failure ? (
          <Alert tone="info">
            <AlertDescription>Your session has ended. Please sign in again.</AlertDescription>
          </Alert>
        ) : null}
        {failure ? (
          <Alert tone="destructive">
            <AlertTitle>{failure.title}</AlertTitle>
            <AlertDescription>{failure.description}</AlertDescription>
          </Alert>
        ) : null}
        <FormField label="Email" error={errors.email?.message}>
          <Input
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            {...form.register("email")}
          />
        </FormField>
        <FormField label="Password" error={errors.password?.message}>
          <Input type="password" autoComplete="current-password" {...form.register("password")} />
        </FormField>
        <Button type="submit" size="lg" className="w-full">
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          Sign in
        </Button>
      </fieldset>
    </form>
  );
}
