"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { refreshSession } from "@/lib/api/client";

/**
 * When `enabled`, tries once to renew the session from the refresh-token cookie and, if that
 * works, goes to `next` without asking for the password. The proxy sends a customer to sign in
 * when the short-lived access cookie is gone, but the refresh cookie (scoped to `/api/auth`,
 * invisible to page requests) may still be valid. Returns true while the attempt runs.
 */
export function useResumeSession({ enabled, next }: { enabled: boolean; next: string }): boolean {
  const router = useRouter();
  const [resuming, setResuming] = useState(enabled);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    void refreshSession().then((resumed) => {
      if (cancelled) return;
      if (resumed) router.replace(next);
      else setResuming(false);
    });
    return () => {
      cancelled = true;
    };
  }, [enabled, next, router]);

  return resuming;
}
