/**
 * English messages of the first-run setup's demo choice (spread into the reference catalogue, messages-en.ts).
 */
export const demoEn = {
  'setup.demo': 'Load demo data',
  'setup.demoHint':
    'For trying Sarhad out, never on a real post: five posts with lanes, one account per role, a stop list and about 2,000 synthetic travellers (no real person) enrolled in the background, with duplicate enrolments and overstays.',
  'setup.demoAccounts': 'Demo accounts',
  'setup.demoAccountsIntro': 'These one-time passwords are shown only now: note them. Each account chooses its own password at first sign-in. The travellers are being enrolled in the background.',
  'setup.demoUsername': 'Username',
  'setup.demoRoles': 'Roles',
  'setup.demoPosts': 'Posts',
  'setup.demoPassword': 'One-time password',
  'setup.demoAllPosts': 'all posts',
  'setup.demoContinue': 'I have noted them: sign in',
} as const;
