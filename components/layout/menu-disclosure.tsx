"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The header's links behind one "Menu" button on a phone (a native disclosure, so it works before
 * scripts load); on wider screens CSS shows them inline and the button is gone. It closes when the
 * page changes, since the layout, and so this disclosure, survives client-side navigation.
 */
export function MenuDisclosure({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <details className="site-menu" ref={menu}>
      <summary>
        <span className="menu-icon" aria-hidden="true" />
        Menu
      </summary>
      {children}
    </details>
  );
}
