import { NotFoundMessage } from "@/components/not-found-message";

/** Any URL the portal does not have. */
export default function NotFound() {
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="mx-auto w-full max-w-2xl px-4 py-16 focus:outline-none"
    >
      <NotFoundMessage
        title="Page not found"
        description="The page you are looking for doesn't exist or has moved."
        backHref="/"
        backLabel="Go to the home page"
      />
    </main>
  );
}
