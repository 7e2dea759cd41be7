// The linter's catalogue index for the playground: every service prefix and the global condition
// keys with their types. Public, like the playground; the data is AWS's published reference.

import { NextResponse } from "next/server";
import { loadCatalogueIndex } from "@/lib/iam/lint/catalogue.node.ts";

export async function GET() {
  return NextResponse.json(await loadCatalogueIndex(), { headers: { "Cache-Control": "public, max-age=86400" } });
}
