import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAccount, RequireMember, RequireRole } from './components/guards';
import { AppLayout } from './layout/AppLayout';
import { AgendaPage } from './pages/appointments/AgendaPage';
import { AppointmentsTab } from './pages/appointments/AppointmentsTab';
import { AuditPage } from './pages/audit/AuditPage';
import { ChooseMembershipPage } from './pages/auth/ChooseMembershipPage';
import { LoginPage } from './pages/auth/LoginPage';
import { CampaignCreatePage } from './pages/campaigns/CampaignCreatePage';
import { CampaignReportPage } from './pages/campaigns/CampaignReportPage';
import { CampaignsPage, campaignRoles } from './pages/campaigns/CampaignsPage';
import { CatalogueImportPage } from './pages/catalogue/CatalogueImportPage';
import { CatalogueSearchPage } from './pages/catalogue/CatalogueSearchPage';
import { MyServicesPage } from './pages/catalogue/MyServicesPage';
import { OccupancyPage } from './pages/catalogue/OccupancyPage';
import { ServiceEditPage } from './pages/catalogue/ServiceEditPage';
import { ServicePage } from './pages/catalogue/ServicePage';
import { ContractReadOnlyPage } from './pages/contracts/ContractReadOnlyPage';
import { ContractsWorklistPage } from './pages/contracts/ContractsWorklistPage';
import { ContractTab } from './pages/contracts/ContractTab';
import { DiagnosticTab } from './pages/diagnostics/DiagnosticTab';
import { ReferentialsPage } from './pages/diagnostics/ReferentialsPage';
import { AccessibilityPage } from './pages/errors/AccessibilityPage';
import { ErrorPage, RootErrorPage } from './pages/errors/ErrorPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { HomePage } from './pages/home/HomePage';
import { PublicInvitationPage } from './pages/invitation/PublicInvitationPage';
import { DemoInboxPage } from './pages/notifications/DemoInboxPage';
import { BulkDecisionPage } from './pages/orientations/BulkDecisionPage';
import { DecisionPage } from './pages/orientations/DecisionPage';
import { OrientationTab } from './pages/orientations/OrientationTab';
import { QueuePage } from './pages/orientations/QueuePage';
import { ReorientationAnswerPage } from './pages/orientations/ReorientationAnswerPage';
import { ReorientationsPage, reorientationRoles } from './pages/orientations/ReorientationsPage';
import { ToAssignPage } from './pages/orientations/ToAssignPage';
import { CaseloadPage } from './pages/people/CaseloadPage';
import { ConsentsTab } from './pages/people/ConsentsTab';
import { ConsultationsTab } from './pages/people/ConsultationsTab';
import { DocumentsTab } from './pages/people/DocumentsTab';
import { FollowUpRequestsPage } from './pages/people/FollowUpRequestsPage';
import { JourneyTab } from './pages/people/JourneyTab';
import { PeopleSearchPage } from './pages/people/PeopleSearchPage';
import { PersonCreatePage } from './pages/people/PersonCreatePage';
import { PersonLayout } from './pages/people/PersonLayout';
import { accompanyingRoles, RequireAnyRole, searchingRoles } from './pages/people/RequireAnyRole';
import { SensitiveTab } from './pages/people/SensitiveTab';
import { SituationTab } from './pages/people/SituationTab';
import { SummaryTab } from './pages/people/SummaryTab';
import { TeamTab } from './pages/people/TeamTab';
import { PublicReferralPage } from './pages/referrals/PublicReferralPage';
import { ReferralCreatePage } from './pages/referrals/ReferralCreatePage';
import { ReferralPage } from './pages/referrals/ReferralPage';
import { ReferralsListPage } from './pages/referrals/ReferralsListPage';
import { ReferralsTab } from './pages/referrals/ReferralsTab';
import { AlertRulesPage } from './pages/review/AlertRulesPage';
import { MyCaseloadPage } from './pages/review/MyCaseloadPage';
import { ReviewOverviewPage, reviewOverviewRoles } from './pages/review/ReviewOverviewPage';
import { PublicSignaturePage } from './pages/signature/PublicSignaturePage';
import { AccountCreatePage } from './pages/territories/AccountCreatePage';
import { AccountEditPage } from './pages/territories/AccountEditPage';
import { AccountsPage } from './pages/territories/AccountsPage';
import { OrganisationCreatePage } from './pages/territories/OrganisationCreatePage';
import { OrganisationEditPage } from './pages/territories/OrganisationEditPage';
import { OrganisationsPage } from './pages/territories/OrganisationsPage';
import { SettingsPage } from './pages/territories/SettingsPage';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RootErrorPage />,
    children: [
      {
        // Errors below render inside the page frame.
        errorElement: <ErrorPage />,
        children: [
          { path: '/connexion', element: <LoginPage /> },
          { path: '/accessibilite', element: <AccessibilityPage /> },
          // The person opens the link sent by SMS or e-mail: no account, no session.
          { path: '/signature/:token', element: <PublicSignaturePage /> },
          { path: '/rdv/:token', element: <PublicInvitationPage /> },
          // A receiving organisation without an account answers a referral through its link.
          { path: '/prescription/:token', element: <PublicReferralPage /> },
          {
            element: <RequireAccount />,
            children: [{ path: '/choisir-structure', element: <ChooseMembershipPage /> }],
          },
          {
            element: <RequireMember />,
            children: [
              { path: '/', element: <HomePage /> },
              { path: '/demo/boite-de-reception', element: <DemoInboxPage /> },
              // The catalogue: every member searches it; the server decides who manages what.
              { path: '/offres', element: <CatalogueSearchPage /> },
              { path: '/offres/services/:id', element: <ServicePage /> },
              { path: '/offres/gestion', element: <MyServicesPage /> },
              { path: '/offres/gestion/nouveau', element: <ServiceEditPage /> },
              { path: '/offres/gestion/services/:id', element: <ServiceEditPage /> },
              { path: '/offres/occupation', element: <OccupancyPage /> },
              {
                element: <RequireAnyRole allowed={accompanyingRoles} />,
                children: [
                  { path: '/personnes', element: <CaseloadPage /> },
                  { path: '/personnes/nouvelle', element: <PersonCreatePage /> },
                  { path: '/equipes/demandes', element: <FollowUpRequestsPage /> },
                  { path: '/contrats', element: <ContractsWorklistPage /> },
                  { path: '/file-active', element: <MyCaseloadPage /> },
                  { path: '/agenda', element: <AgendaPage /> },
                  { path: '/prescriptions', element: <ReferralsListPage /> },
                  { path: '/prescriptions/:id', element: <ReferralPage /> },
                ],
              },
              {
                element: <RequireAnyRole allowed={searchingRoles} />,
                children: [
                  { path: '/personnes/recherche', element: <PeopleSearchPage /> },
                  {
                    path: '/personnes/:id',
                    element: <PersonLayout />,
                    children: [
                      { index: true, element: <SummaryTab /> },
                      { path: 'situation', element: <SituationTab /> },
                      { path: 'diagnostic', element: <DiagnosticTab /> },
                      { path: 'orientation', element: <OrientationTab /> },
                      { path: 'orientation/:orientationId/decision', element: <DecisionPage /> },
                      { path: 'orientation/reorientations/:requestId', element: <ReorientationAnswerPage /> },
                      { path: 'contrat', element: <ContractTab /> },
                      { path: 'contrat/:contractId', element: <ContractReadOnlyPage /> },
                      { path: 'rendez-vous', element: <AppointmentsTab /> },
                      { path: 'prescriptions', element: <ReferralsTab /> },
                      { path: 'prescriptions/nouvelle', element: <ReferralCreatePage /> },
                      { path: 'parcours', element: <JourneyTab /> },
                      { path: 'equipe', element: <TeamTab /> },
                      { path: 'documents', element: <DocumentsTab /> },
                      { path: 'consentements', element: <ConsentsTab /> },
                      { path: 'consultations', element: <ConsultationsTab /> },
                      { path: 'informations-sensibles', element: <SensitiveTab /> },
                    ],
                  },
                ],
              },
              {
                element: <RequireRole allowed="orientation_manager" />,
                children: [
                  { path: '/orientations/a-orienter', element: <QueuePage /> },
                  { path: '/orientations/decision-groupee', element: <BulkDecisionPage /> },
                ],
              },
              {
                element: <RequireRole allowed="structure_manager" />,
                children: [{ path: '/orientations/a-affecter', element: <ToAssignPage /> }],
              },
              {
                element: <RequireAnyRole allowed={reorientationRoles} />,
                children: [{ path: '/orientations/reorientations', element: <ReorientationsPage /> }],
              },
              {
                element: <RequireRole allowed="territory_admin" />,
                children: [
                  { path: '/territoire/listes-de-reference', element: <ReferentialsPage /> },
                  { path: '/territoire/regles-d-alerte', element: <AlertRulesPage /> },
                  { path: '/territoire/catalogue/import', element: <CatalogueImportPage /> },
                ],
              },
              {
                element: <RequireAnyRole allowed={reviewOverviewRoles} />,
                children: [{ path: '/revue', element: <ReviewOverviewPage /> }],
              },
              {
                element: <RequireAnyRole allowed={campaignRoles} />,
                children: [
                  { path: '/campagnes', element: <CampaignsPage /> },
                  { path: '/campagnes/nouvelle', element: <CampaignCreatePage /> },
                  { path: '/campagnes/:id', element: <CampaignReportPage /> },
                ],
              },
              {
                path: '/admin',
                element: <RequireRole allowed="territory_admin" />,
                children: [
                  { index: true, element: <Navigate to="/admin/structures" replace /> },
                  { path: 'structures', element: <OrganisationsPage /> },
                  { path: 'structures/nouvelle', element: <OrganisationCreatePage /> },
                  { path: 'structures/:id', element: <OrganisationEditPage /> },
                  { path: 'comptes', element: <AccountsPage /> },
                  { path: 'comptes/nouveau', element: <AccountCreatePage /> },
                  { path: 'comptes/:id', element: <AccountEditPage /> },
                  { path: 'parametres', element: <SettingsPage /> },
                  { path: 'audit', element: <AuditPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
