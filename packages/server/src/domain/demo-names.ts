/**
 * Built-in name lists for the demo post's synthetic travellers: common Pakistani and Afghan given names, family
 * and tribal names, each in Latin letters (as an MRZ would print it) and in Arabic script (Urdu or Pashto/Dari
 * spelling). They are frequent first names and clan names that millions of people share, combined at random by a
 * seeded generator (demo-people.ts): no list, record or combination describes a real person.
 */

/** A name in Latin letters and in its original (Arabic) script. */
export interface ScriptedName {
  readonly latin: string;
  readonly original: string;
}

const n = (latin: string, original: string): ScriptedName => ({ latin, original });

/** Men's given names common on both sides of the border. */
export const MALE_GIVEN_NAMES: readonly ScriptedName[] = [
  n('Muhammad', 'محمد'),
  n('Ahmad', 'احمد'),
  n('Abdul Rahman', 'عبدالرحمان'),
  n('Gul', 'ګل'),
  n('Rahmatullah', 'رحمت الله'),
  n('Naqibullah', 'نقیب الله'),
  n('Zabihullah', 'ذبیح الله'),
  n('Hamid', 'حامد'),
  n('Imran', 'عمران'),
  n('Bilal', 'بلال'),
  n('Usman', 'عثمان'),
  n('Faisal', 'فیصل'),
  n('Tariq', 'طارق'),
  n('Asad', 'اسد'),
  n('Kamran', 'کامران'),
  n('Sher', 'شیر'),
  n('Wali', 'ولی'),
  n('Noor', 'نور'),
  n('Jan', 'جان'),
  n('Khalid', 'خالد'),
  n('Bashir', 'بشیر'),
  n('Nasir', 'ناصر'),
  n('Farid', 'فرید'),
  n('Habib', 'حبیب'),
  n('Idrees', 'ادریس'),
  n('Yousaf', 'یوسف'),
  n('Ismail', 'اسماعیل'),
  n('Samiullah', 'سمیع الله'),
  n('Rafiullah', 'رفیع الله'),
  n('Zahir', 'ظاهر'),
  n('Shafiq', 'شفیق'),
  n('Ajmal', 'اجمل'),
  n('Waheed', 'وحید'),
  n('Sajid', 'ساجد'),
  n('Zubair', 'زبیر'),
  n('Haroon', 'هارون'),
  n('Qadir', 'قادر'),
  n('Mirwais', 'میرویس'),
  n('Shahid', 'شاهد'),
  n('Adnan', 'عدنان'),
];

/** Women's given names common on both sides of the border. */
export const FEMALE_GIVEN_NAMES: readonly ScriptedName[] = [
  n('Fatima', 'فاطمه'),
  n('Ayesha', 'عائشه'),
  n('Maryam', 'مریم'),
  n('Zainab', 'زینب'),
  n('Khadija', 'خدیجه'),
  n('Malalai', 'ملالۍ'),
  n('Nazia', 'نازیه'),
  n('Sadia', 'سعدیه'),
  n('Shabana', 'شبانه'),
  n('Parwana', 'پروانه'),
  n('Gulalai', 'ګلالۍ'),
  n('Farzana', 'فرزانه'),
  n('Nasreen', 'نسرین'),
  n('Rukhsana', 'رخسانه'),
  n('Hina', 'حنا'),
  n('Sana', 'ثنا'),
  n('Bibi Gul', 'بی بی ګل'),
  n('Zarghuna', 'زرغونه'),
  n('Shazia', 'شازیه'),
  n('Mahnoor', 'ماه نور'),
  n('Laila', 'لیلا'),
  n('Hasina', 'حسینه'),
  n('Roshan', 'روشن'),
  n('Nadia', 'نادیه'),
];

/** Family, clan and tribal names used as surnames in passports on both sides. */
export const SURNAMES: readonly ScriptedName[] = [
  n('Khan', 'خان'),
  n('Afridi', 'آفریدی'),
  n('Shinwari', 'شینواری'),
  n('Mohmand', 'مومند'),
  n('Achakzai', 'اڅکزی'),
  n('Noorzai', 'نورزی'),
  n('Popalzai', 'پوپلزی'),
  n('Barakzai', 'بارکزی'),
  n('Wazir', 'وزیر'),
  n('Dawar', 'داوړ'),
  n('Mangal', 'منګل'),
  n('Zadran', 'ځدراڼ'),
  n('Turi', 'توری'),
  n('Bangash', 'بنګش'),
  n('Orakzai', 'اورکزی'),
  n('Yousafzai', 'یوسفزی'),
  n('Kakar', 'کاکړ'),
  n('Tareen', 'ترین'),
  n('Durrani', 'درانی'),
  n('Ahmadzai', 'احمدزی'),
  n('Safi', 'صافی'),
  n('Jadoon', 'جدون'),
  n('Qureshi', 'قریشی'),
  n('Hussain', 'حسین'),
  n('Siddiqui', 'صدیقی'),
  n('Hotak', 'هوتک'),
  n('Stanikzai', 'ستانکزی'),
  n('Sultani', 'سلطانی'),
  n('Rahimi', 'رحیمی'),
  n('Karimi', 'کریمی'),
  n('Hashimi', 'هاشمی'),
  n('Amiri', 'امیری'),
  n('Sherzad', 'شېرزاد'),
  n('Niazi', 'نیازی'),
  n('Marwat', 'مروت'),
  n('Khattak', 'خټک'),
];
