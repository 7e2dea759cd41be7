import { handlers } from "@/lib/auth/index.ts";

export const { GET, POST } = handlers;
