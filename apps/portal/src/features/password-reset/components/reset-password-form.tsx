"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { newPasswordSchema } from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SIGN_IN_PATH } from "@/config/routes";
import { useResetPassword } from "@/features/password-reset/hooks/use-reset-password";
import {
  PASSWORD_RESET_DONE_PARAM,
  PASSWORD_RESET_PATHS,
} from "@/features/password-reset/password-reset-paths";
import {
  forgetResetToken,
  takeResetTokenFromUrl,
} from "@/features/password-reset/reset-token-store";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFieldError } from "@/lib/validation/use-field-error";

/** The new password typed twice; only `password` is sent, with the token from the link. */
const resetPasswordFormSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .refine((values) => values.password === values.confirm, {
    path: ["confirm"],
    message: "The passwords don't match",
  });
type ResetPasswordForm = z.infer<typeof resetPasswordFormSchema>;

/** The token never changes while the page is open. */
function noSubscription(): () => void {
  return () => undefined;
}

/**
 * `undefined` while rendered on the server (which never sees the token), then in the browser the
 * token — taken out of the address bar on the first read, from the tab's storage after — or null.
 */
function useResetToken(): string | null | undefined {
  return useSyncExternalStore(noSubscription, takeResetTokenFromUrl, () => undefined);
}

/**
 * The second step of the password reset: the token of the e-mailed link (taken out of the
 * address bar at once) and the new password. On success the customer goes to sign in, told that
 * the new password is set; a used or expired link offers a new one (the dead token stays in the
 * tab's storage: forgetting it would swap the error for the "no link" notice).
 */
export function ResetPasswordForm() {
  const router = useRouter();
  const t = useTranslations("passwordReset");
  const message = useErrorMessage();
  const fieldError = useFieldError("resetPassword");
  const reset = useResetPassword();
  const token = useResetToken();
  const form = useForm<ResetPasswordForm>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { password: "", confirm: "" },
  });
  const { errors } = form.formState;
  const busy = reset.isPending || reset.isSuccess;

  if (token === null) {
    return (
      <Alert tone="info">
        <AlertDescription>
          {t("noToken")}{" "}
          <Link
            href={PASSWORD_RESET_PATHS.forgot}
            className="font-semibold underline underline-offset-4"
          >
            {t("requestNew")}
          </Link>
        </AlertDescription>
      </Alert>
    );
  }

  const onSubmit = form.handleSubmit(({ password }) => {
    if (!token) return;
    reset.mutate(
      { token, password },
      {
        onSuccess: () => {
          forgetResetToken();
          router.replace(`${SIGN_IN_PATH}?${PASSWORD_RESET_DONE_PARAM}=done`);
        },
      },
    );
  });

  const error = reset.isError ? reset.error : null;
  const linkGone = isApiClientError(error) && error.code === "PASSWORD_RESET_TOKEN_INVALID";

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy || token === undefined} className="flex flex-col gap-5">
        <legend className="sr-only">{t("resetLegend")}</legend>
        {error ? (
          <Alert tone="destructive">
            <AlertTitle>{t("resetFailedTitle")}</AlertTitle>
            <AlertDescription>
              {isApiClientError(error) ? message.forError(error) : t("unavailableText")}{" "}
              {linkGone ? (
                <Link
                  href={PASSWORD_RESET_PATHS.forgot}
                  className="font-semibold underline underline-offset-4"
                >
                  {t("requestNew")}
                </Link>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : null}
        <FormField
          label={t("newPassword")}
          description={t("passwordHint")}
          error={fieldError("password", errors.password)}
        >
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </FormField>
        <FormField label={t("confirmPassword")} error={fieldError("confirm", errors.confirm)}>
          <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
        </FormField>
        <Button type="submit" size="lg" className="w-full">
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          {t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
