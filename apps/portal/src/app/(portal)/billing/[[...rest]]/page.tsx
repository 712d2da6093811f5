import { notFound } from "next/navigation";

/**
 * `/billing` and any `/billing/…` path the portal does not have: not found, inside the portal
 * shell (`(portal)/not-found.tsx`) rather than the bare root 404. Real billing routes are more
 * specific and win over this catch-all.
 */
export default function UnknownBillingPage(): never {
  notFound();
}
