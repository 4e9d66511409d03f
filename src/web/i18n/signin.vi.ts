/** Vietnamese strings of sign-in through an identity provider and the citizen's account page (spread into vi.ts). */
export const signinVi = {
  'login.withProvider': 'Đăng nhập bằng {provider}',
  'login.or': 'hoặc bằng tên đăng nhập và mật khẩu',
  'login.passwordStaffOnly':
    'Công dân đăng nhập bằng tài khoản định danh điện tử; tên đăng nhập và mật khẩu dành cho cán bộ.',
  'login.link.title': 'Liên kết tài khoản',
  'login.link.text':
    'Số định danh của bạn đã gắn với một tài khoản trên hệ thống. Nhập mật khẩu của tài khoản đó để liên kết với tài khoản định danh điện tử (chỉ cần làm một lần).',
  'login.link.submit': 'Liên kết và đăng nhập',
  'login.link.cancel': 'Hủy liên kết',
  'login.oidcError': 'Đăng nhập bằng tài khoản định danh điện tử không thành công.',
  'login.oidcError.OIDC_STATE_MISMATCH':
    'Phiên đăng nhập qua VNeID không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
  'login.oidcError.OIDC_SIGN_IN_FAILED':
    'Không xác thực được kết quả đăng nhập từ nhà cung cấp định danh. Vui lòng đăng nhập lại.',
  'login.oidcError.OIDC_DENIED': 'Bạn đã hủy đăng nhập.',
  'login.oidcError.OIDC_STAFF_NOT_ALLOWED':
    'Cán bộ chưa được phép đăng nhập bằng tài khoản định danh điện tử; vui lòng dùng tên đăng nhập và mật khẩu.',
  'login.oidcError.OIDC_PROVIDER_UNAVAILABLE': 'Không kết nối được nhà cung cấp định danh. Vui lòng thử lại sau.',
  'nav.account': 'Tài khoản của tôi',
  'myAccount.title': 'Thông tin tài khoản',
  'myAccount.fullName': 'Họ và tên',
  'myAccount.personalId': 'Số định danh cá nhân',
  'myAccount.birthDate': 'Ngày sinh',
  'myAccount.sex': 'Giới tính',
  'myAccount.sex.male': 'Nam',
  'myAccount.sex.female': 'Nữ',
  'myAccount.address': 'Nơi thường trú',
  'myAccount.phone': 'Số điện thoại',
  'myAccount.email': 'Thư điện tử',
  'myAccount.source': 'Nguồn: nhà cung cấp định danh, tài khoản định danh điện tử mức độ {level}, cập nhật {at}',
  'myAccount.noProvider':
    'Tài khoản chưa đăng nhập bằng tài khoản định danh điện tử: chưa có thông tin từ nhà cung cấp định danh.',
  'myAccount.session': 'Phiên đăng nhập này',
  'myAccount.session.level': 'Tài khoản định danh điện tử mức độ {level}',
  'myAccount.session.password': 'Tên đăng nhập và mật khẩu',
  'procedure.identityLevel2': 'Cần đăng nhập bằng tài khoản định danh điện tử mức độ 2 (VNeID) để nộp trực tuyến',
};
