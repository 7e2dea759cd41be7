// One service's actions, resource types and condition keys, for the playground's linter. The
// browser asks only for the services a policy names, so no catalogue ships in the page's bundle.

import { NextResponse } from "next/server";
import { loadServiceData } from "@/lib/iam/lint/catalogue.node.ts";

const PREFIX = /^[a-z0-9-]{1,64}$/;

export async function GET(_request: Request, { params }: { params: Promise<{ service: string }> }) {
  const { service } = await params;
  const prefix = service.toLowerCase();
  if (!PREFIX.test(prefix)) {
    return NextResponse.json({ error: `"${service.slice(0, 80)}" is not a service prefix (letters, digits and dashes)` }, { status: 400 });
  }
  const data = await loadServiceData(prefix);
  if (!data) return NextResponse.json({ error: `no AWS service has the prefix "${prefix}"` }, { status: 404 });
  return NextResponse.json(data, { headers: { "Cache-Control": "public, max-age=86400" } });
}
