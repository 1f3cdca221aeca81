"""HTML pages as Vietnamese sites lay them out: the article's text is kept, the furniture
(menus, related news, comment boxes, visitor counters, polls, footers) dropped, and the title,
date, author and site name go to the `Document`. The pages imitate four layouts: a provincial
Party newspaper, a provincial government portal, a news aggregator and a legal database."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnpolicy.corpus import read_document

# --- a provincial Party newspaper (baoquangtri.vn-like) --------------------------------------

PARTY_PAPER = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Quảng Trị quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị | Báo Quảng Trị điện tử</title>
<meta name="description"
content="Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt Chỉ thị số 05-CT/TW.">
<meta property="og:site_name" content="Báo Quảng Trị">
<meta property="og:title" content="Quảng Trị quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị">
<meta property="article:published_time" content="2021-05-07T08:30:00+07:00">
</head><body>
<div id="top-bar">Thứ Sáu, 07/05/2021 | <a href="/rss">RSS</a> |
<a href="/lien-he">Liên hệ</a></div>
<header class="site-header"><a class="logo" href="/"><img src="/logo.png" alt="Báo Quảng Trị"></a>
<nav id="main-menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li>
<li><a href="/van-hoa">Văn hóa</a></li><li><a href="/the-thao">Thể thao</a></li>
<li><a href="/xay-dung-dang">Xây dựng Đảng</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/chinh-tri">Chính trị</a></div>
<div class="container"><div class="col-main">
<div class="article-detail">
<h1 class="article-title">Quảng Trị quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị</h1>
<div class="article-meta"><span class="date">Cập nhật lúc: 08:30 07/05/2021</span>
<span class="views">Lượt xem: 2.345</span></div>
<div class="sapo"><strong>QTO - Sáng 7/5, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức hội nghị quán
triệt Chỉ thị số 05-CT/TW của Bộ Chính trị.</strong></div>
<div class="article-content">
<p>Hội nghị được tổ chức trực tuyến đến 125 điểm cầu với hơn 9.757 đồng chí tham dự, trong đó
có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy và lãnh đạo các sở, ban, ngành.</p>
<p>Năm 2020, toàn tỉnh có 98,5% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; kết nạp 1.216 đảng
viên mới, đạt 110% kế hoạch đề ra.</p>
<p>Phát biểu chỉ đạo, đồng chí Bí thư Tỉnh ủy yêu cầu các cấp ủy xây dựng kế hoạch thực hiện
Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, gắn với nhiệm vụ chính trị của địa phương.</p>
<p style="text-align:right"><strong>Minh Anh</strong></p>
</div>
<div class="tags">Từ khóa: <a href="/tag/chi-thi-05">Chỉ thị 05</a>
<a href="/tag/tinh-uy">Tỉnh ủy</a></div>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a>
<a href="#">In bài</a></div>
</div>
<div class="comment-box"><h3>Ý kiến bạn đọc</h3>
<form><textarea placeholder="Nhập ý kiến của bạn"></textarea><input placeholder="Họ tên">
<button>Gửi ý kiến</button></form></div>
<div class="related-news"><h3>Tin cùng chuyên mục</h3><ul>
<li><a href="/a1">Đà Nẵng sơ kết 5 năm thực hiện Chỉ thị 05 với 320 mô hình hay</a></li>
<li><a href="/a2">Hải Lăng kết nạp 150 đảng viên mới trong năm 2020</a></li>
<li><a href="/a3">Gio Linh tổng kết công tác xây dựng Đảng năm 2020</a></li></ul></div>
</div>
<div class="col-side"><div class="box"><h3>Tin đọc nhiều</h3><ul>
<li><a href="/b1">Quảng Trị đón 1,2 triệu lượt khách du lịch</a></li>
<li><a href="/b2">Khởi công dự án 3.000 tỷ đồng</a></li></ul></div>
<div class="poll"><h3>Thăm dò ý kiến</h3><p>Bạn đánh giá thế nào về giao diện mới?</p>
<label><input type="radio"> Đẹp</label><label><input type="radio"> Bình thường</label></div>
</div></div>
<footer><div class="counter">Đang truy cập: 1.234 | Tổng lượt truy cập: 74.029.355</div>
<p>Cơ quan chủ quản: Tỉnh ủy Quảng Trị. Giấy phép số 123/GP-BTTTT ngày 01/03/2019.</p>
<p>© Bản quyền thuộc Báo Quảng Trị. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>
</footer></body></html>
"""

# --- a provincial government portal (a SharePoint portal: tables, ids, "Ngày đăng") ----------

GOV_PORTAL = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Tin tức - Sự kiện - Cổng thông tin điện tử tỉnh Hà Tĩnh</title>
</head><body>
<form id="aspnetForm"><div id="s4-workspace">
<table class="banner" width="100%"><tr><td><img src="/banner.jpg" alt="Cổng thông tin điện tử
tỉnh Hà Tĩnh"></td><td class="search"><input value="Tìm kiếm..."></td></tr></table>
<div class="menu-top"><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> |
<a href="/tin-tuc">Tin tức - Sự kiện</a> | <a href="/van-ban">Văn bản</a> |
<a href="/dich-vu-cong">Dịch vụ công</a> | <a href="/hoi-dap">Hỏi đáp</a></div>
<table width="100%"><tr>
<td class="left-col" width="20%"><div class="box"><div class="box-title">Văn bản mới</div>
<ul><li><a href="/vb1">Quyết định số 12/2023/QĐ-UBND</a></li>
<li><a href="/vb2">Kế hoạch số 45/KH-UBND</a></li></ul></div>
<div class="box"><div class="box-title">Liên kết website</div><select><option>Chính phủ</option>
<option>Bộ Nội vụ</option></select></div></td>
<td class="main-col" width="60%">
<div class="ContentDetail">
<div class="TitleDetail"><h2>Hà Tĩnh: Giải ngân vốn đầu tư công đạt 68,5% kế hoạch</h2></div>
<div class="DateDetail">Ngày đăng: 15/09/2023 | Lượt xem: 1.027</div>
<div class="SapoDetail"><b>Tính đến ngày 15/9, tỉnh Hà Tĩnh đã giải ngân 4.125 tỷ đồng vốn đầu
tư công, đạt 68,5% kế hoạch vốn Thủ tướng Chính phủ giao.</b></div>
<div class="BodyDetail">
<p>Theo báo cáo của Sở Kế hoạch và Đầu tư, tổng kế hoạch vốn đầu tư công năm 2023 của tỉnh là
6.021 tỷ đồng. Trong đó, vốn ngân sách địa phương là 3.200 tỷ đồng.</p>
<p>Ủy ban nhân dân tỉnh yêu cầu các chủ đầu tư thực hiện nghiêm Nghị quyết số 01/NQ-CP ngày
06/01/2023 của Chính phủ; phấn đấu giải ngân trên 95% kế hoạch vốn trước ngày 31/01/2024.</p>
<p>Có 12 dự án chậm tiến độ bị điều chuyển vốn sang các dự án có khả năng giải ngân tốt hơn.</p>
<p align="right"><b>Nguyễn Hoa - Văn phòng UBND tỉnh</b></p>
</div>
<div class="tools"><a href="#">In trang</a> | <a href="#">Gửi email</a> |
<a href="#">Về đầu trang</a></div>
<div class="OtherNews"><div class="title">Các tin khác</div><ul>
<li><a href="/t1">Hà Tĩnh thu ngân sách đạt 7.500 tỷ đồng</a> (14/09/2023)</li>
<li><a href="/t2">Khai mạc kỳ họp thứ 15 HĐND tỉnh khóa XVIII</a> (12/09/2023)</li></ul></div>
</div></td>
<td class="right-col" width="20%"><div class="box-title">Thống kê truy cập</div>
<div>Online: 245</div><div>Hôm nay: 3.456</div><div>Tổng truy cập: 12.345.678</div></td>
</tr></table>
<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân tỉnh Hà Tĩnh<br>Địa chỉ: Số 01 Nguyễn Tất
Thành, TP Hà Tĩnh. Điện thoại: 0239.3855.555<br>Trưởng Ban biên tập: Nguyễn Văn A</div>
</div></form></body></html>
"""

# --- a news aggregator (baomoi-like: JSON-LD metadata, source link, comments) ------------------

AGGREGATOR = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Bế mạc Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội - Báo Mới</title>
<meta property="og:site_name" content="Báo Mới">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Bế mạc Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội",
"datePublished": "2017-07-21T17:05:00+07:00",
"author": {"@type": "Person", "name": "Lê Sơn"},
"publisher": {"@type": "Organization", "name": "Báo Mới"}}</script>
</head><body>
<div class="bm_Header"><a href="/" class="bm_Logo">Báo Mới</a><ul class="bm_Menu">
<li><a href="/">Mới nhất</a></li><li><a href="/tin-video.epi">Video</a></li><li><a
href="/thoi-su.epi">Thời sự</a></li><li><a href="/the-gioi.epi">Thế giới</a></li><li><a
href="/kinh-te.epi">Kinh tế</a></li><li><a href="/giai-tri.epi">Giải trí</a></li></ul></div>
<div class="bm_Main"><div class="bm_Article">
<div class="bm_Source"><a href="/bao-tin-tuc.epi">Tin Tức TTXVN</a> <time
datetime="2017-07-21T17:05:00+07:00">21/07/2017 17:05</time></div>
<h1 class="bm_ArticleTitle">Bế mạc Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội</h1>
<div class="bm_ArticleContent">
<h3 class="sapo">Chiều 21/7, Ủy ban Thường vụ Quốc hội bế mạc Phiên họp thứ 12 sau 5 ngày làm
việc khẩn trương, nghiêm túc.</h3>
<p>Tại phiên họp, Ủy ban Thường vụ Quốc hội đã cho ý kiến về 8 dự án luật, trong đó có dự án
Luật Quy hoạch và dự án Luật Cạnh tranh (sửa đổi).</p>
<p>Ủy ban Thường vụ Quốc hội đã thông qua Nghị quyết số 390/2017/UBTVQH14 về tổ chức và hoạt
động của Văn phòng Quốc hội, với 100% thành viên có mặt tán thành.</p>
<p>Phát biểu bế mạc, Chủ tịch Quốc hội đề nghị các cơ quan tiếp thu ý kiến để hoàn thiện hồ sơ
trình Quốc hội tại Kỳ họp thứ 4 với tổng số 17 dự án luật.</p>
<p class="bm_Author"><strong>Lê Sơn</strong></p>
</div>
<div class="bm_OriginalLink"><a href="https://baotintuc.vn/abc.htm">Xem nguồn</a></div>
<div class="bm_Interactive"><span>12 bình luận</span> <span>45 lượt thích</span>
<span>Chia sẻ</span></div>
<div class="bm_Comments"><h4>Bình luận</h4><div class="comment"><b>Nguyễn Văn B</b>
<p>Mong Quốc hội sớm thông qua 2 luật này để đi vào cuộc sống.</p></div>
<div class="comment"><b>Trần C</b><p>Đồng ý với ý kiến trên.</p></div></div>
<div class="bm_Related"><h3>Cùng chủ đề</h3><ul>
<li><a href="/c1">Khai mạc Phiên họp thứ 12 Ủy ban Thường vụ Quốc hội</a></li>
<li><a href="/c2">Quốc hội sẽ xem xét 17 dự án luật tại Kỳ họp thứ 4</a></li></ul></div>
</div>
<div class="bm_Aside"><h3>Tin nóng</h3><ul><li><a href="/h1">Giá xăng giảm 500 đồng/lít</a></li>
<li><a href="/h2">Bão số 2 đổ bộ miền Trung</a></li></ul>
<div class="bm_Tags">Từ khóa: <a href="/tag/quoc-hoi">Quốc hội</a></div></div></div>
<div class="bm_Footer"><p>Báo Mới - Đọc báo, tin tức mới nhất. Giấy phép số 1032/GP-TTĐT.</p>
<p>Tổng biên tập: Nguyễn Văn X. Hotline: 0900 000 000.</p></div>
</body></html>
"""

# --- a legal database (vbpl-like: the document in a content div, tabs and attributes around) -

LEGAL_DB = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Quyết định 51/2025/QĐ-TTg quy định tiêu chí phân loại đơn vị hành chính</title>
<meta property="og:site_name" content="Cơ sở dữ liệu quốc gia về văn bản pháp luật">
</head><body>
<div id="header"><div class="logo">CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT</div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tw">Văn bản trung ương</a></li>
<li><a href="/dp">Văn bản địa phương</a></li><li><a href="/hn">Văn bản hợp nhất</a></li></ul>
</div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tw">Văn bản pháp luật</a> »
Quyết định 51/2025/QĐ-TTg</div>
<div class="vbTabs"><ul><li class="active"><a href="#">Toàn văn</a></li><li><a href="#">Thuộc
tính</a></li><li><a href="#">Lịch sử</a></li><li><a href="#">Văn bản liên quan</a></li>
<li><a href="#">Lược đồ</a></li><li><a href="#">Tải về</a></li></ul></div>
<div class="fulltext"><div class="vbInfo"><ul><li>Hiệu lực: Còn hiệu lực</li>
<li>Ngày có hiệu lực: 15/02/2025</li></ul></div>
<div id="toanvancontent" class="toanvancontent" data-vbpl-content-root="true">
<table width="100%" border="0"><tr><td width="40%"><p align="center"><b>THỦ TƯỚNG CHÍNH PHỦ</b><br>
-------</p></td><td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do -
Hạnh phúc</b><br>---------------</p></td></tr>
<tr><td><p align="center">Số: 51/2025/QĐ-TTg</p></td><td><p align="right"><i>Hà Nội, ngày 31
tháng 12 năm 2025</i></p></td></tr></table>
<p align="center"><b>QUYẾT ĐỊNH</b></p>
<p align="center"><b>Quy định tiêu chí phân loại đơn vị hành chính cấp xã</b></p>
<p><i>Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025;</i></p>
<p><i>Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14 tháng 4 năm 2025 của Ủy ban Thường vụ
Quốc hội về sắp xếp đơn vị hành chính năm 2025;</i></p>
<p><i>Theo đề nghị của Bộ trưởng Bộ Nội vụ;</i></p>
<p>Thủ tướng Chính phủ ban hành Quyết định quy định tiêu chí phân loại đơn vị hành chính
cấp xã.</p>
<p><b>Điều 1. Phạm vi điều chỉnh</b></p>
<p>Quyết định này quy định tiêu chí, thang điểm và thẩm quyền phân loại đơn vị hành chính
cấp xã.</p>
<p><b>Điều 2. Tiêu chí phân loại</b></p>
<p>1. Quy mô dân số: xã có từ 8.000 người trở xuống được tính 10 điểm; trên 8.000 người thì cứ
thêm 1.000 người được tính thêm 0,5 điểm, tối đa không quá 30 điểm.</p>
<p>2. Diện tích tự nhiên: xã có từ 30 km² trở xuống được tính 10 điểm.</p>
<p><b>Điều 3. Hiệu lực thi hành</b></p>
<p>Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.</p>
<table width="100%"><tr><td><p><b><i>Nơi nhận:</i></b><br>- Ban Bí thư Trung ương Đảng;<br>- Các
Bộ, cơ quan ngang Bộ;<br>- Lưu: VT, TCCV.</p></td><td><p align="center"><b>THỦ TƯỚNG<br><br><br>
Phạm Minh Chính</b></p></td></tr></table>
</div></div>
<div class="sidebar"><h3>Văn bản liên quan</h3>
<ul><li><a href="/l1">Nghị định 120/2020/NĐ-CP</a></li>
<li><a href="/l2">Quyết định 1234/QĐ-TTg</a></li></ul><h3>Văn bản mới ban hành</h3>
<ul><li><a href="/n1">Thông tư 27/2025/TT-BNV</a></li></ul></div>
<div id="footer"><p>CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT - Bộ Tư pháp</p>
<p>Địa chỉ: 58-60 Trần Phú, Ba Đình, Hà Nội. Lượt truy cập: 98.765.432</p></div>
</body></html>
"""

# --- a Party portal with its logo in an <h1> and the date only in the page's date line -------

PARTY_PORTAL = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII bế mạc</title>
<meta property="og:title"
content="Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII bế mạc">
<meta property="og:site_name" content="Báo điện tử Đảng Cộng sản Việt Nam">
</head><body>
<header><h1 class="logo"><a href="/">Báo điện tử Đảng Cộng sản Việt Nam</a></h1>
<ul class="menu"><li><a href="/chinh-tri">Chính trị</a></li><li><a href="/xa-hoi">Xã hội</a></li>
<li><a href="/xay-dung-dang">Xây dựng Đảng</a></li></ul></header>
<main><div class="post">
<h1 class="post-title">Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII bế mạc</h1>
<div class="post-date">Thứ Bảy, 07/10/2023 - 17:45</div>
<h2 class="detail-sapo">Sau 6 ngày làm việc, Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng
khóa XIII đã hoàn thành toàn bộ nội dung, chương trình đề ra.</h2>
<div class="post-content">
<p>Hội nghị đã thảo luận, thống nhất ban hành Nghị quyết về tiếp tục xây dựng và hoàn thiện
thể chế, chính sách, 5 năm thực hiện Nghị quyết số 28-NQ/TW ngày 25/10/2013 của Ban Chấp hành
Trung ương khóa XI.</p>
<p>Trung ương cũng cho ý kiến về việc tổng kết 10 năm thực hiện Nghị quyết Trung ương 8 khóa XI
về Chiến lược bảo vệ Tổ quốc trong tình hình mới, với 98% ý kiến tán thành.</p>
<p>Hội nghị yêu cầu các cấp ủy, tổ chức đảng tổ chức quán triệt, triển khai thực hiện nghiêm
túc các nghị quyết, kết luận của Hội nghị.</p>
</div>
<div class="post-comment"><h3>Bình luận</h3><textarea>Ý kiến của bạn</textarea>
<button>Gửi bình luận</button></div>
<div class="box-related"><h3>Tin liên quan</h3><ul>
<li><a href="/r1">Khai mạc Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII</a></li>
<li><a href="/r2">Toàn văn phát biểu bế mạc của Tổng Bí thư tại Hội nghị 8</a></li></ul></div>
</div></main>
<footer><p>Cơ quan chủ quản: Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam.</p>
<p>Số lượt truy cập: 123.456.789</p></footer></body></html>
"""

SITES = [
    # (name, page, sentences kept, furniture dropped, title, expected metadata subset)
    (
        "party newspaper",
        PARTY_PAPER,
        [
            "QTO - Sáng 7/5, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức hội nghị quán triệt",
            "Hội nghị được tổ chức trực tuyến đến 125 điểm cầu với hơn 9.757 đồng chí tham dự",
            "toàn tỉnh có 98,5% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; kết nạp 1.216 đảng",
            "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",
        ],
        [
            "Trang chủ",
            "Lượt xem",
            "Ý kiến bạn đọc",
            "Gửi ý kiến",
            "Tin cùng chuyên mục",
            "320 mô hình",
            "Tin đọc nhiều",
            "3.000 tỷ",
            "Thăm dò",
            "Đang truy cập",
            "74.029.355",
            "Giấy phép",
            "Chia sẻ",
            "Từ khóa",
        ],
        "Quảng Trị quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị",
        {"date": "2021-05-07", "sitename": "Báo Quảng Trị"},
    ),
    (
        "government portal",
        GOV_PORTAL,
        [
            "tỉnh Hà Tĩnh đã giải ngân 4.125 tỷ đồng vốn đầu",
            "tổng kế hoạch vốn đầu tư công năm 2023 của tỉnh là",
            "Nghị quyết số 01/NQ-CP ngày",
            "Có 12 dự án chậm tiến độ bị điều chuyển vốn",
        ],
        [
            "Văn bản mới",
            "12/2023/QĐ-UBND",
            "Liên kết website",
            "Lượt xem",
            "Các tin khác",
            "7.500 tỷ",
            "Online",
            "Tổng truy cập",
            "12.345.678",
            "Cơ quan chủ quản",
            "0239.3855.555",
            "In trang",
            "Dịch vụ công",
        ],
        "Hà Tĩnh: Giải ngân vốn đầu tư công đạt 68,5% kế hoạch",
        {"date": "2023-09-15"},
    ),
    (
        "news aggregator",
        AGGREGATOR,
        [
            "Chiều 21/7, Ủy ban Thường vụ Quốc hội bế mạc Phiên họp thứ 12",
            "đã cho ý kiến về 8 dự án luật",
            "Nghị quyết số 390/2017/UBTVQH14",
            "với tổng số 17 dự án luật",
        ],
        [
            "Mới nhất",
            "bình luận",
            "lượt thích",
            "Mong Quốc hội",
            "Đồng ý với ý kiến",
            "Cùng chủ đề",
            "Tin nóng",
            "500 đồng/lít",
            "Giấy phép",
            "Hotline",
            "Xem nguồn",
        ],
        "Bế mạc Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội",
        {"date": "2017-07-21", "author": "Lê Sơn", "sitename": "Báo Mới"},
    ),
    (
        "legal database",
        LEGAL_DB,
        [
            "Số: 51/2025/QĐ-TTg",
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025;",
            "xã có từ 8.000 người trở xuống được tính 10 điểm",
            "Điều 3. Hiệu lực thi hành",
            "Ban Bí thư Trung ương Đảng;",
        ],
        [
            "Văn bản trung ương",
            "Thuộc tính",
            "Lược đồ",
            "Tải về",
            "Còn hiệu lực",
            "Ngày có hiệu lực",
            "Văn bản liên quan",
            "120/2020/NĐ-CP",
            "27/2025/TT-BNV",
            "Lượt truy cập",
            "98.765.432",
            "58-60 Trần Phú",
        ],
        "Quyết định 51/2025/QĐ-TTg quy định tiêu chí phân loại đơn vị hành chính",
        {"sitename": "Cơ sở dữ liệu quốc gia về văn bản pháp luật"},
    ),
    (
        "party portal",
        PARTY_PORTAL,
        [
            "Sau 6 ngày làm việc, Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII",
            "Nghị quyết số 28-NQ/TW ngày 25/10/2013",
            "với 98% ý kiến tán thành",
            "các nghị quyết, kết luận của Hội nghị.",
        ],
        [
            "Chính trị",
            "Xây dựng Đảng",
            "Gửi bình luận",
            "Ý kiến của bạn",
            "Tin liên quan",
            "Toàn văn phát biểu",
            "Cơ quan chủ quản",
            "123.456.789",
            "Thứ Bảy",
        ],
        "Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII bế mạc",
        {"date": "2023-10-07", "sitename": "Báo điện tử Đảng Cộng sản Việt Nam"},
    ),
]


@pytest.fixture(params=SITES, ids=[s[0] for s in SITES])
def site(request, tmp_path: Path):
    name, html, kept, dropped, title, metadata = request.param
    path = tmp_path / f"{name.replace(' ', '-')}.html"
    path.write_text(html, encoding="utf-8")
    return read_document(path), kept, dropped, title, metadata


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_article_text_is_kept(site) -> None:
    doc, kept, _dropped, _title, _metadata = site
    for sentence in kept:
        assert sentence in _flat(doc.text), sentence


def test_the_page_furniture_is_dropped(site) -> None:
    doc, _kept, dropped, _title, _metadata = site
    for furniture in dropped:
        assert furniture not in doc.text, furniture


def test_title_date_author_and_site_are_in_the_document(site) -> None:
    doc, _kept, _dropped, title, metadata = site
    assert doc.format == "html"
    assert doc.title == title
    assert {k: doc.metadata.get(k) for k in metadata} == metadata
    assert doc.text.count(title) <= 1  # the headline is not repeated


def test_the_document_lines_are_paragraphs(site) -> None:
    doc, *_ = site
    lines = doc.text.split("\n")
    assert all(line.strip() for line in lines)
    assert len(lines) >= 4


# --- tables of figures in an article ------------------------------------------------------------

FIGURES_ARTICLE = """<html><head><meta charset="utf-8">
<title>Kết quả giảm nghèo năm 2023 của tỉnh Quảng Trị - Báo Quảng Trị</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a></nav>
<article><h1>Kết quả giảm nghèo năm 2023 của tỉnh Quảng Trị</h1>
<p>Năm 2023, công tác giảm nghèo của tỉnh tiếp tục đạt nhiều kết quả quan trọng, tỷ lệ hộ
nghèo giảm mạnh so với năm trước đó.</p>
<table border="1"><tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm</th></tr>
<tr><th>2022</th><th>2023</th></tr>
<tr><td>Tỷ lệ hộ nghèo (%)</td><td>10,2</td><td>8,7</td></tr>
<tr><td><p>Số hộ nghèo</p></td><td>12.345</td><td>10.987</td></tr></table>
<p>Tỉnh phấn đấu đến năm 2025 giảm tỷ lệ hộ nghèo xuống dưới 5% theo Nghị quyết số
05-NQ/TU của Ban Chấp hành Đảng bộ tỉnh.</p></article>
<aside><table><tr><td>Hôm nay</td><td>3.456</td></tr><tr><td>Tổng</td><td>9.999.999</td></tr>
</table></aside>
<footer>Giấy phép số 123/GP-BTTTT</footer></body></html>
"""


def test_tables_of_the_article_are_kept_as_data_with_merged_cells(tmp_path) -> None:
    from vnpolicy.extractors.table_statistics import extract_table_statistics

    path = tmp_path / "giam-ngheo.html"
    path.write_text(FIGURES_ARTICLE, encoding="utf-8")
    doc = read_document(path)
    [table] = doc.tables  # the counter box beside the article is not the article's
    assert table.rows == [
        ["Chỉ tiêu", "Năm", None],
        [None, "2022", "2023"],
        ["Tỷ lệ hộ nghèo (%)", "10,2", "8,7"],
        ["Số hộ nghèo", "12.345", "10.987"],
    ]
    assert doc.text[slice(*table.cells[3][2])] == "10.987"
    stats = extract_table_statistics(doc.tables, doc.text)
    assert [(s["subject"], s["value"], s["unit"]) for s in stats] == [
        ("Tỷ lệ hộ nghèo — Năm 2022", 10.2, "%"),
        ("Tỷ lệ hộ nghèo — Năm 2023", 8.7, "%"),
        ("Số hộ nghèo — Năm 2022", 12345, "hộ nghèo"),
        ("Số hộ nghèo — Năm 2023", 10987, "hộ nghèo"),
    ]
    assert "9.999.999" not in doc.text


def test_a_legal_database_page_reads_its_cells_one_per_line(tmp_path) -> None:
    path = tmp_path / "vbpl.html"
    path.write_text(LEGAL_DB, encoding="utf-8")
    lines = read_document(path).text.split("\n")
    assert lines[:7] == [  # header table cells, one per line; a <br> breaks a line
        "THỦ TƯỚNG CHÍNH PHỦ",
        "-------",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "---------------",
        "Số: 51/2025/QĐ-TTg",
        "Hà Nội, ngày 31 tháng 12 năm 2025",
    ]
    assert lines[-6:] == [  # the recipients and the signature stay
        "Nơi nhận:",
        "- Ban Bí thư Trung ương Đảng;",
        "- Các Bộ, cơ quan ngang Bộ;",
        "- Lưu: VT, TCCV.",
        "THỦ TƯỚNG",
        "Phạm Minh Chính",
    ]
