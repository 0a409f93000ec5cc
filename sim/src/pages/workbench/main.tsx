import { mountPage } from '../../shared/mount';
import { WorkbenchApp } from './WorkbenchApp';

mountPage((session) => <WorkbenchApp session={session} />);
