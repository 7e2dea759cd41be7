import type { MetadataRoute } from "next";

// Installable as an app that opens on the review screen (docs/offline.md).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "IAM Recall",
    short_name: "IAM Recall",
    description: "Spaced repetition for AWS IAM and STS, reviewable offline.",
    start_url: "/review",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f6f7fb",
    theme_color: "#c2570c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
