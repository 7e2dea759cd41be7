import Link from "next/link";
import { currentUser } from "@/lib/auth/index.ts";
import { signOutAction } from "@/app/actions/sign-out.ts";
import { MenuDisclosure } from "./menu-disclosure.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="site-header">
      <div className="inner">
        <Link className="brand" href={user ? "/decks" : "/"}>
          <span className="brand-mark" aria-hidden="true">
            IAM
          </span>
          IAM Recall
        </Link>
        <MenuDisclosure>
          <nav className="site-nav" aria-label="Main">
            <Link href="/playground">Playground</Link>
            {user ? (
              <>
                <Link href="/decks">Decks</Link>
                <Link href="/import">Import</Link>
                <Link href="/stats">Stats</Link>
                <Link href="/classes">Classes</Link>
                {user.role === "instructor" || user.role === "admin" ? <Link href="/teach">Teach</Link> : null}
                {user.role === "admin" ? <Link href="/admin/users">Users</Link> : null}
                <Link href="/settings">Settings</Link>
                <span className="who" data-testid="signed-in-as">
                  {user.name ?? user.email}
                </span>
                <form action={signOutAction}>
                  <SignOutButton userId={user.id} />
                </form>
              </>
            ) : (
              <>
                <Link href="/signin">Sign in</Link>
                <Link href="/signup">Sign up</Link>
              </>
            )}
          </nav>
        </MenuDisclosure>
      </div>
    </header>
  );
}
