import type { Session } from '../../shared/session';
import type { HashRoute } from '../../shared/hash-route';
import { Button, Result } from 'antd';
import { DocDetail } from './DocDetail';
import { DocForm } from './DocForm';
import { DocList } from './DocList';
import { Library } from './Library';
import { canEdit, getDoc } from './store';
import './docs.css';

/** Routes under `#/docs`: list, new, library, detail, edit. */
export function DocsRoutes({ session, route }: { session: Session; route: HashRoute }) {
  const [, second, third] = route.segments;
  if (second === undefined) return <DocList session={session} />;
  if (second === 'new') return <DocForm session={session} />;
  if (second === 'library') return <Library />;
  if (third === 'edit') {
    const doc = getDoc(second);
    if (!doc || !canEdit(doc, session.user)) {
      return (
        <Result
          status="warning"
          title="当前公文不可修改"
          subTitle="只有拟稿人可以修改草稿或已退回的公文。"
          extra={<Button href={`index.html#/docs/${encodeURIComponent(second)}`}>查看公文</Button>}
        />
      );
    }
    return <DocForm key={doc.id} session={session} doc={doc} />;
  }
  return <DocDetail session={session} id={second} />;
}
