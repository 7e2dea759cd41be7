import { oauthSignInAction } from "@/app/actions/oauth-sign-in.ts";

export function OAuthButtons({ providers, next }: { providers: Array<{ id: string; name: string }>; next: string }) {
  if (providers.length === 0) return null;
  return (
    <>
      <div className="divider">or</div>
      <div className="stack">
        {providers.map((p) => (
          <form key={p.id} action={oauthSignInAction}>
            <input type="hidden" name="provider" value={p.id} />
            <input type="hidden" name="next" value={next} />
            <button className="button secondary full" type="submit">{`Continue with ${p.name}`}</button>
          </form>
        ))}
      </div>
    </>
  );
}
