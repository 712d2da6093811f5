"use client";

import { Loader2, LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { SIGN_IN_PATH } from "@/config/routes";
import { useLogout } from "@/features/auth/hooks/use-logout";

/**
 * "Log out": ends the session in the BFF, then shows the sign-in page. On narrow screens only its
 * icon shows (the label stays for screen readers), leaving the top bar room for the language switch.
 */
export function LogoutButton() {
  const router = useRouter();
  const logout = useLogout();
  const t = useTranslations("account");
  return (
    <div className="flex items-center gap-2">
      {logout.isError ? (
        <p role="alert" className="hidden text-[13px] font-medium text-destructive sm:block">
          {t("logOutFailed")}
        </p>
      ) : null}
      <Button
        variant="outline"
        size="sm"
        disabled={logout.isPending || logout.isSuccess}
        onClick={() => logout.mutate(undefined, { onSuccess: () => router.replace(SIGN_IN_PATH) })}
      >
        {logout.isPending ? (
          <Loader2 aria-hidden="true" className="animate-spin" />
        ) : (
          <LogOut aria-hidden="true" />
        )}
        <span className="max-sm:sr-only">{t("logOut")}</span>
      </Button>
    </div>
  );
}
