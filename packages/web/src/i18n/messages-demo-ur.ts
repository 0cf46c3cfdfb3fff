/**
 * Urdu messages of the first-run setup's demo choice (spread into messages-ur.ts). The type makes a missing or extra
 * key a compile error.
 */
import type { demoEn } from './messages-demo-en.js';

export const demoUr: { readonly [K in keyof typeof demoEn]: string } = {
  'setup.demo': 'ڈیمو ڈیٹا لوڈ کریں',
  'setup.demoHint':
    'صرف آزمانے کے لیے، کسی حقیقی چوکی پر کبھی نہیں: لینوں کے ساتھ پانچ چوکیاں، ہر کردار کا ایک اکاؤنٹ، ایک روک فہرست اور تقریباً 2,000 مصنوعی مسافر (کوئی حقیقی شخص نہیں) پس منظر میں اندراج، دہرے اندراج اور زائد قیام کے ساتھ۔',
  'setup.demoAccounts': 'ڈیمو اکاؤنٹس',
  'setup.demoAccountsIntro': 'یہ ایک بار کے پاس ورڈ صرف ابھی دکھائے جا رہے ہیں: انہیں لکھ لیں۔ ہر اکاؤنٹ پہلی بار سائن ان پر اپنا پاس ورڈ چنے گا۔ مسافروں کا اندراج پس منظر میں جاری ہے۔',
  'setup.demoUsername': 'صارف نام',
  'setup.demoRoles': 'کردار',
  'setup.demoPosts': 'چوکیاں',
  'setup.demoPassword': 'ایک بار کا پاس ورڈ',
  'setup.demoAllPosts': 'تمام چوکیاں',
  'setup.demoContinue': 'میں نے لکھ لیے: سائن ان کریں',
};
