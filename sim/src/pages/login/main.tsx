import { mountPage } from '../../shared/mount';
import { LoginPage } from './LoginPage';
import './login.css';

mountPage(<LoginPage />, { bare: true });
