import type { Session } from '../../shared/session';
import { useHashRoute } from '../../shared/hash-route';
import { EpidemicPage } from './EpidemicPage';
import { SocialSecurityPage } from './SocialSecurityPage';
import '../../modules/grassroots/store';

/** 基层服务 (grassroots.html): #/social-security 社保查询 (default), #/epidemic 疫情防控信息登记. */
export function GrassrootsApp({ session }: { session: Session }) {
  const route = useHashRoute();
  return route.segments[0] === 'epidemic' ? (
    <EpidemicPage session={session} />
  ) : (
    <SocialSecurityPage />
  );
}
