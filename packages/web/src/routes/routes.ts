/**
 * The pages of the signed-in application, in navigation order, each with the permission that opens it. The
 * navigation shows only the pages the user's roles open; a page opened by URL without the permission says so.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/messages-en.js';
import type { Permission } from '../features/session/permissions.js';
import { HomePage } from '../features/home/HomePage.js';
import { LaneConsolePage } from '../features/lane/LaneConsolePage.js';
import { DashboardPage } from '../features/dashboard/DashboardPage.js';
import { SupervisorPage } from '../features/supervisor/SupervisorPage.js';
import { EnrolmentPage } from '../features/enrolment/EnrolmentPage.js';
import { TravellerSearchPage } from '../features/travellers/TravellerSearchPage.js';
import { OverstaysPage } from '../features/reports/OverstaysPage.js';
import { FlowsPage } from '../features/analyst/FlowsPage.js';
import { WatchlistsPage } from '../features/watchlists/WatchlistsPage.js';
import { UsersPage } from '../features/admin/UsersPage.js';
import { PostsPage } from '../features/admin/PostsPage.js';
import { DevicesPage } from '../features/admin/DevicesPage.js';
import { RetentionPage } from '../features/admin/RetentionPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { AccountPage } from '../features/session/AccountPage.js';

export interface AppRoute {
  readonly path: string;
  readonly label: MessageKey;
  /** Absent: every signed-in user. */
  readonly permission?: Permission;
  readonly component: ComponentType;
}

export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/', label: 'nav.home', component: HomePage },
  { path: '/lane', label: 'nav.lane', permission: 'crossings.process', component: LaneConsolePage },
  { path: '/dashboard', label: 'nav.dashboard', permission: 'crossings.supervise', component: DashboardPage },
  { path: '/supervisor', label: 'nav.supervisor', permission: 'crossings.supervise', component: SupervisorPage },
  { path: '/enrolment', label: 'nav.enrolment', permission: 'travellers.write', component: EnrolmentPage },
  { path: '/travellers', label: 'nav.travellers', permission: 'travellers.read', component: TravellerSearchPage },
  { path: '/reports/overstays', label: 'nav.overstays', permission: 'travellers.read', component: OverstaysPage },
  { path: '/reports/flows', label: 'nav.flows', permission: 'reports.read', component: FlowsPage },
  { path: '/watchlists', label: 'nav.watchlists', permission: 'watchlists.manage', component: WatchlistsPage },
  { path: '/admin/users', label: 'nav.users', permission: 'users.manage', component: UsersPage },
  { path: '/admin/posts', label: 'nav.posts', permission: 'posts.manage', component: PostsPage },
  { path: '/admin/devices', label: 'nav.devices', permission: 'devices.manage', component: DevicesPage },
  { path: '/admin/retention', label: 'nav.retention', permission: 'retention.manage', component: RetentionPage },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read', component: AuditPage },
  { path: '/account', label: 'nav.account', component: AccountPage },
];
