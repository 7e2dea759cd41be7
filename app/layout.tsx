import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header.tsx";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IAM Recall", template: "%s · IAM Recall" },
  description: "Learn AWS IAM and STS with spaced repetition, from your own notes, with answers computed by a live policy evaluator.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">IAM Recall · spaced repetition for AWS IAM and STS</footer>
      </body>
    </html>
  );
}
