import { mountPage } from '../../shared/mount';
import { GrassrootsApp } from './GrassrootsApp';
import './grassroots.css';

mountPage((session) => <GrassrootsApp session={session} />, {
  menuChildren: {
    grassroots: [
      { key: 'grassroots-social', label: '社保查询', href: 'grassroots.html#/social-security' },
      { key: 'grassroots-epidemic', label: '疫情防控信息登记', href: 'grassroots.html#/epidemic' },
    ],
  },
});
