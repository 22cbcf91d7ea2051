"""The Tân Thạnh 2023 sample (Kế hoạch 249/KH-BQL ngày 24/02/2023), from shared/seed.

What the seed states is entered as written. What it does not state (the 8 other
unmet indicators, most names of board members, evidence items, work due dates) is
invented to make the sample whole and is marked ILLUSTRATIVE in the data itself.
"""
from __future__ import annotations

from datetime import date, datetime

from db import result_entries, rules
from db.catalogue import ensure_default_catalogue
from db.models import Commune, Criterion, Indicator, Result, database
from db.services import deadlines, evidence, people, plans
from db.services.communes import create_commune, put_setting, set_active
from db.text import fold

ILLUSTRATIVE = "Số liệu minh họa (không có trong Kế hoạch 249/KH-BQL)"

TARGET_INDICATORS = ["1.1", "1.2", "2.1", "2.4", "11", "12.1", "12.2", "13.3", "18.1"]
TARGET_CRITERIA = ["1", "2", "11", "12", "13", "18"]
# Unmet at the end of 2022 besides the targeted ones: the seed does not say which.
ILLUSTRATIVE_UNMET = ["5", "10", "15.3", "15.4", "17.6", "17.8", "17.11", "17.12"]

# Measured values at the end of 2022 (seed where it gives one, illustrative otherwise).
VALUES_2022 = {
    "2.1": ("92", ILLUSTRATIVE), "2.4": ("85", ILLUSTRATIVE),
    "11": ("13,15", "Seed: cần giảm thêm 9,15% để xuống dưới 4%"),
    "12.1": ("65", ILLUSTRATIVE), "12.2": ("20", ILLUSTRATIVE),
    "15.1": ("92,4", ILLUSTRATIVE), "4.2": ("99,2", ILLUSTRATIVE),
}

SECTIONS = [  # the seed's own text, part by part (obvious typos fixed: "Căn cứ Căn cứ", "xóm", …)
    ("can_cu", "",
     "Căn cứ Quyết định số 1260/QĐ-UBND ngày 22/6/2022 của UBND tỉnh An Giang về việc ban hành Bộ tiêu chí "
     "xã nông thôn mới tỉnh An Giang giai đoạn 2021 – 2025;\n"
     "Căn cứ Nghị quyết số 39-NQ/ĐU ngày 23 tháng 02 năm 2023 của Ban chấp hành Đảng bộ xã Tân Thạnh về "
     "thực hiện Chương trình mục tiêu quốc gia xây dựng Nông thôn mới năm 2023;\n"
     "Ủy ban Nhân dân xã ban hành kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới "
     "năm 2023 với các nội dung chủ yếu sau:"),
    ("muc_dich", "Mục đích",
     "Tiếp tục tuyên truyền nâng cao nhận thức của hệ thống chính trị và nhân dân hiểu rõ về Chương trình "
     "mục tiêu quốc gia xây dựng nông thôn mới; phát huy vai trò trách nhiệm của cả hệ thống chính trị, "
     "tạo sự thống nhất trong nhận thức và hành động, sự đồng thuận trong xã hội, phát huy tính năng động, "
     "sáng tạo, chủ động sự tham gia trực tiếp của người dân, khắc phục khó khăn để thực hiện có hiệu quả "
     "Chương trình MTQG xây dựng nông thôn mới trên địa bàn xã.\n"
     "Lấy người dân làm chủ thể trong thực hiện, xây dựng phải theo quy hoạch và theo bộ tiêu chí nông "
     "thôn mới để nông nghiệp, nông dân, nông thôn phát triển toàn diện. Làm cho đời sống vật chất, tinh "
     "thần của nhân dân ngày càng nâng lên. Xây dựng một xã hội phát triển, giải quyết cơ bản các vấn đề "
     "xã hội như: việc làm, giảm nghèo, không ngừng nâng cao đời sống vật chất và tinh thần của nhân dân. "
     "Thực hiện công bằng, dân chủ, văn minh tạo sự đồng thuận trong xã hội, thu hút cộng đồng tích cực "
     "tham gia vào quản lý kinh tế, xã hội và môi trường."),
    ("yeu_cau", "Yêu cầu",
     "Ban quản lý xây dựng nông thôn mới xã duy trì các tiêu chí, chỉ tiêu đã đạt.\n"
     "Các ngành phụ trách rà soát, duy trì, nâng chất các tiêu chí, chỉ tiêu đã đạt lập hồ sơ minh chứng "
     "đúng quy định để xã hoàn thành “xã Nông thôn mới” vào năm 2024."),
    ("lanh_dao", "Về công tác lãnh đạo, điều hành, quản lý",
     "Trong quá trình tổ chức thực hiện, tiếp tục rà soát quy hoạch để có hướng đề xuất điều chỉnh, bổ "
     "sung quy hoạch cho phù hợp với tình hình phát triển của xã.\n"
     "Tiếp tục nâng cấp, mở rộng lộ giao thông nông thôn và các công trình phục vụ sản xuất trên địa bàn "
     "xã.\n"
     "Tập trung nâng chất Trạm Y tế xã nhằm tạo điều kiện thuận lợi cho công tác chăm sóc và bảo vệ sức "
     "khỏe nhân dân. Duy trì đạt chuẩn Quốc gia về Phổ cập giáo dục và xóa mù chữ. Nâng cao chất lượng "
     "phong trào “Toàn dân đoàn kết xây dựng Nông thôn mới, đô thị văn minh”. Tổ chức các hoạt động văn "
     "hóa, văn nghệ, thể thao với nhiều loại hình phong phú, thu hút nhân dân tham gia.\n"
     "Tiếp tục thực hiện Nghị quyết 09-NQ/TU của Tỉnh ủy về phát triển nông nghiệp ứng dụng công nghệ cao, "
     "mang lại hiệu quả cho sản xuất nông nghiệp, nâng cao thu nhập cho nông dân. Phát triển hệ thống dịch "
     "vụ để từng bước chuyển dịch cơ cấu kinh tế nông thôn theo hướng tăng dần tỷ trọng công nghiệp, dịch "
     "vụ, giảm dần tỷ trọng về nông nghiệp. Mời gọi các doanh nghiệp đầu tư vào các hoạt động sản xuất, "
     "kinh doanh trên địa bàn xã.\n"
     "Củng cố, kiện toàn Ban Chỉ đạo xây dựng NTM của xã, cử cán bộ đi đào tạo, bồi dưỡng nhằm nâng cao "
     "hiệu quả quản lý của chính quyền để đáp ứng yêu cầu phát triển nông nghiệp, nông dân, nông thôn. "
     "Phát huy hoạt động của Mặt trận và các đoàn thể, xây dựng kế hoạch hỗ trợ nhằm phát huy vai trò giám "
     "sát, đánh giá, phản biện xã hội trong xây dựng nông thôn mới, phát huy hiệu quả quy chế dân chủ cơ "
     "sở, phối hợp thực hiện tốt các chính sách an sinh xã hội.\n"
     "Duy trì, nâng chất các tiêu chí, chỉ tiêu đã đạt, đồng thời phấn đấu thực hiện đạt thêm các tiêu "
     "chí, chỉ tiêu theo lộ trình kế hoạch."),
    ("tuyen_truyen", "Về công tác tuyên truyền, đào tạo, tập huấn",
     "Tham mưu cho Đảng Ủy về công tác dân vận khéo về thực hiện các mô hình, cách làm hay thông qua "
     "phương tiện thông tin đại chúng nhằm nâng cao nhận thức cho cán bộ, đảng viên và nhân dân về mục "
     "đích, ý nghĩa, tầm quan trọng của việc xây dựng Nông thôn mới.\n"
     "Nâng cao hơn nữa hoạt động của đài truyền thanh xã; thường xuyên tuyên truyền về công tác thực hiện "
     "quy hoạch, giải phóng mặt bằng, hiến đất, hiến tài sản, kịp thời biểu dương các mô hình điển hình "
     "tiêu biểu trong các lĩnh vực, về cách làm hay, giải pháp tốt, các mô hình kinh tế có hiệu quả, các "
     "hộ gia đình tiêu biểu trong giải tỏa hành lang, đóng góp tiền, ngày công để XD NTM...\n"
     "Quan tâm, tạo điều kiện và tổ chức cho cán bộ, công chức, các ban ngành đoàn thể, đội ngũ cán bộ ấp, "
     "các hộ gia đình và các tầng lớp nhân dân trong toàn xã tham quan, học tập và trao đổi kinh nghiệm về "
     "chương trình xây dựng nông thôn mới tại các địa phương trong thị xã."),
    ("nhiem_vu", "Nhiệm vụ thực hiện các tiêu chí xã NTM",
     "Phân công nhiệm vụ cụ thể cho cán bộ, công chức, các ngành phụ trách từng tiêu chí, chỉ tiêu đã đạt "
     "tiếp tục duy trì, củng cố, nâng chất, hoàn thành các hồ sơ minh chứng đúng quy định."),
    ("to_chuc_bql", "Ban quản lý xây dựng nông thôn mới của xã",
     "Xây dựng kế hoạch tổ chức thực hiện, phân công nhiệm vụ cụ thể cho các thành viên, các ban ngành, "
     "đoàn thể, ban nhân dân ấp để tổ chức thực hiện, tăng cường công tác chỉ đạo, kiểm tra, đánh giá kết "
     "quả thực hiện, hướng dẫn tháo gỡ khó khăn, nhân rộng những cách làm hay, những điển hình tiêu biểu "
     "của các ban ngành, đoàn thể và các ấp.\n"
     "Các thành viên BQL được phân công nhiệm vụ chịu trách nhiệm xây dựng các loại hồ sơ có liên quan, "
     "các biểu mẫu đánh giá kết quả và tổng hợp đầy đủ số liệu theo từng tiêu chí cụ thể của tổ chức, ban "
     "ngành mình phụ trách.\n"
     "Tổ giúp việc NTM, chịu trách nhiệm đôn đốc, theo dõi việc triển khai thực hiện kế hoạch. Giúp Ban "
     "quản lý xã đôn đốc các ngành, ấp thực hiện từng tiêu chí, chỉ tiêu và báo cáo Ủy ban nhân dân xã để "
     "chỉ đạo kịp thời.\n"
     "Giao Cán bộ phụ trách nông thôn mới xã chịu trách nhiệm tổng hợp báo cáo và kết quả thực hiện chung "
     "cho các tiêu chí; xây dựng và lưu trữ đầy đủ các loại hồ sơ, biểu mẫu cụ thể của từng tiêu chí, chỉ "
     "tiêu."),
    ("to_chuc_mttq", "UBMTTQ và đoàn thể cấp xã",
     "Xây dựng kế hoạch, chương trình hành động cụ thể cho từng phần việc được phân công như: Kế hoạch xây "
     "dựng ấp văn hóa, gia đình văn hóa, gia đình thể thao, đảm nhận các tuyến đường xanh sạch đẹp an "
     "toàn, vệ sinh môi trường, đăng ký và xây dựng các mô hình kinh tế, đào tạo nghề, xóa đói giảm nghèo; "
     "chăm lo xây dựng củng cố tổ chức, hệ thống chính trị. Tăng cường công tác quản lý, điều hành, lưu "
     "trữ hồ sơ và các nội dung liên quan, đảm bảo tốt cho công tác tổ chức đánh giá, sơ tổng kết và đúc "
     "rút kinh nghiệm trong quá trình thực hiện.\n"
     "Phát động các phong trào thi đua, tuyên truyền, vận động đoàn viên, hội viên và các tầng lớp nhân "
     "dân trong toàn xã chung sức thực hiện chương trình MTQG xây dựng nông thôn mới, tham gia chỉnh trang "
     "các tuyến đường, thực hiện tốt phong trào “5 không, 3 sạch”; phân loại chất thải rắn tại nguồn, thu "
     "gom bao gói thuốc bảo vệ thực vật, chất thải nhựa phát sinh được thu gom, tái sử dụng, tái chế, ... "
     "đẩy mạnh các phong trào toàn dân đoàn kết xây dựng đời sống văn hóa gắn với xây dựng nông thôn mới. "
     "Tổ chức cho đoàn viên, hội viên và nhân dân tham quan, học tập kinh nghiệm các mô hình phát triển "
     "kinh tế..."),
    ("to_chuc_thanh_vien", "Các thành viên BQL xã",
     "Trên cơ sở nhiệm vụ chuyên môn, các ngành, các thành viên phụ trách các tiêu chí, chỉ tiêu được phân "
     "công chủ động xây dựng kế hoạch tổ chức thực hiện; tham mưu, đề xuất cho BQL về các nội dung của các "
     "tiêu chí liên quan đến lĩnh vực ngành mình phụ trách, phối hợp với các tổ chức đoàn thể triển khai "
     "thực hiện, chịu trách nhiệm về tiến độ và kết quả thực hiện các chỉ tiêu đã đề ra theo đúng các quy "
     "định tại Quyết định số 318/QĐ-TTg ngày 08/03/2022 của Thủ tướng chính phủ về việc ban hành Bộ tiêu "
     "chí xã NTM giai đoạn 2021- 2025, Quyết định số 1260/QĐ-UBND ngày 22/6/2022 của UBND tỉnh An Giang về "
     "việc ban hành Bộ tiêu chí xã NTM tỉnh An Giang giai đoạn 2021 – 2025 và Quyết định số 289/QĐ-UBND "
     "ngày 29/7/2022 của UBND xã về việc phân công Thành viên Ban Quản lý xây dựng NTM xã phụ trách thực "
     "hiện các tiêu chí, chỉ tiêu theo Bộ tiêu chí xã NTM giai đoạn 2021 – 2025 trên địa bàn xã Tân Thạnh.\n"
     "Tăng cường công tác quản lý, điều hành, lưu trữ hồ sơ và các nội dung liên quan, đảm bảo tốt cho "
     "công tác tổ chức đánh giá, sơ tổng kết và rút kinh nghiệm trong quá trình thực hiện."),
    ("to_chuc_ap", "Các Ban phát triển nông thôn mới ấp",
     "Xây dựng kế hoạch cụ thể, phù hợp với đơn vị mình tổ chức thực hiện; tuyên truyền, vận động nhân "
     "dân, tạo được sự đồng thuận, thống nhất và quyết tâm cao của nhân dân, phát huy tốt quy chế dân chủ "
     "và vai trò chủ thể của nhân dân; phát huy cao độ cả hệ thống chính trị đẩy mạnh thực hiện hoàn thành "
     "các tiêu chí, chỉ tiêu đã đề ra.\n"
     "Vận động nhân dân, huy động mọi nguồn lực tổ chức thực hiện tốt các phong trào toàn dân chung sức "
     "xây dựng nông thôn mới, đẩy mạnh các phong trào toàn dân đoàn kết xây dựng đời sống văn hóa ở khu "
     "dân cư, đảm bảo an ninh trật tự và an toàn xã hội. Tăng cường công tác thu và quản lý chặt chẽ các "
     "nguồn đóng góp, huy động của nhân dân trong xây dựng nông thôn mới, đảm bảo công khai, dân chủ và sử "
     "dụng đúng mục đích."),
    ("che_do", "Chế độ hội họp, báo cáo",
     "BQL và UBND xã họp đánh giá kết quả và triển khai nhiệm vụ xây dựng nông thôn mới đột xuất và có ít "
     "nhất 01 lần/quý. Giao cán bộ phụ trách nông thôn mới tham mưu nội dung, báo cáo, phối hợp với Văn "
     "phòng UBND xã bố trí và xếp lịch tổ chức hội nghị theo đúng quy định.\n"
     "Báo cáo định kỳ vào ngày 10 hàng tháng, quý vào ngày 10 của tháng cuối quý và năm vào ngày 10 tháng "
     "11 cho Ban quản lý (Đ/c Phạm Thị Kim Ngân) để tổng hợp báo cáo về thị xã. (Báo cáo tháng gửi chậm "
     "nhất vào ngày 15 hàng tháng; báo cáo quý gửi chậm nhất vào ngày 20 của tháng cuối quý; báo cáo năm "
     "gửi chậm nhất vào ngày 20 tháng 11).*\n"
     "BQL xã đề nghị các thành viên, các ban ngành, các tổ chức chính trị xã hội, Ban phát triển các ấp, "
     "tăng cường sự phối hợp chặt chẽ, triển khai đồng bộ các nhiệm vụ và giải pháp thực hiện. Đối với các "
     "tiêu chí, chỉ tiêu đạt theo Chương trình mục tiêu QGXDNTM đề nghị các đơn vị, các cán bộ chuyên môn "
     "phụ trách tiến hành củng cố, bổ sung đầy đủ hồ sơ minh chứng, tiếp tục nâng chất và giữ vững hàng "
     "năm. Đối với các tiêu chí, chỉ tiêu chưa đạt đã được phân công theo kế hoạch, đề nghị các đơn vị, "
     "hội đoàn thể tăng cường tuyên truyền vận động để được sự hưởng ứng nhiệt tình từ quần chúng nhân "
     "dân; các ngành, cán bộ chuyên môn và các ấp nâng cao trách nhiệm tích cực thực hiện hoàn thành nhiệm "
     "vụ được giao, quyết tâm thực hiện thắng lợi các tiêu chí, chỉ tiêu nhiệm vụ xây dựng nông thôn mới "
     "đã đề ra./."),
]

ITEMS = {
    "1.1": [("task", "Quy hoạch chung xây dựng chờ trên phê duyệt và được công khai đúng thời hạn: hiện nay địa "
                     "phương đang rà soát điều chỉnh để phù hợp với tình hình hiện nay."),
            ("solution", "Kết hợp với các ngành thị xã thực hiện điều chỉnh quy hoạch và ban hành quy định quản lý "
                         "quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch.")],
    "1.2": [("task", "Ban hành quy định quản lý theo đồ án quy hoạch chung xây dựng xã và tổ chức thực hiện theo "
                     "quy hoạch."),
            ("solution", "Hồ sơ quy hoạch hoàn tất đã trình UBND thị xã chờ phê duyệt và thực hiện các bước thủ tục "
                         "tiếp theo nhằm hoàn thiện việc quản lý quy hoạch chung.")],
    "2.1": [("task", "Trong năm 2022 tuy các chỉ tiêu đã đạt theo quy định nhưng để duy trì và nâng chất xã có "
                     "kế hoạch thực hiện đầu tư sửa chữa, nâng cấp mở rộng một số tuyến đường sau:"),
            ("solution", "UBND xã vận động tháo dỡ các công trình vi phạm lộ giới, đồng thời tu sửa, nâng cấp các "
                         "đoạn đường xuống cấp đảm bảo đạt chuẩn theo quy định của Bộ GTVT.")],
    "2.4": [("task", "Để duy trì và nâng chất, xã có kế hoạch thực hiện đầu tư sửa chữa, nâng cấp mở rộng một số "
                     "tuyến đường."),
            ("solution", "Kêu gọi đầu tư xây dựng 02 tuyến đường giao thông nông thôn thuận tiện cho việc sản xuất "
                         "nông nghiệp với phương châm “nhà nước và nhân dân cùng làm”.")],
    "11": [("task", "Phấn đấu đến cuối năm 2023 giảm tỷ lệ hộ nghèo của xã thêm 9,15%, xuống còn dưới 4% và tiếp "
                    "tục duy trì nâng chất."),
           ("solution", "Luôn quan tâm đến chính sách an sinh xã hội, hỗ trợ hộ nghèo có điều kiện thoát nghèo bền "
                        "vững, tạo điều kiện cho người lao động thuộc hộ nghèo, cận nghèo được đào tạo từ các chương "
                        "trình đào tạo nghề gắn với việc làm; được tham gia và vay vốn ưu đãi từ các nguồn của "
                        "NHCSXH để hộ nghèo ở địa phương thoát nghèo bền vững theo tiêu chuẩn xét công nhận hộ nghèo "
                        "đa chiều theo Bộ tiêu chí mới.")],
    "12.1": [("solution", "Tăng cường vận động mở lớp dạy nghề cho lao động tại nông thôn chưa qua đào tạo, "
                          "chuyển đổi ngành nghề tạo việc làm nhằm tăng thêm thu nhập cho hộ gia đình. Số lượng đào "
                          "tạo nghề, đào tạo chuyên môn nghiệp vụ tăng, kết hợp với trường Trung cấp Nghề, phòng "
                          "Kinh tế, phòng Lao động - Thương binh - Xã hội thị xã Tân Châu mở các lớp dạy nghề ngắn "
                          "hạn.")],  # the seed's one paragraph under 12.1 and 12.2
    "13.3": [("task", "Xây dựng, nhân rộng các mô hình kinh tế hợp tác (tổ, nhóm hợp tác; HTX; trang trại, Cty cổ "
                      "phần nông nghiệp)... mục tiêu đề ra."),
             ("solution", "Củng cố nâng chất các tổ hợp tác, duy trì hoạt động tốt 02 HTX-NN, mở rộng dịch vụ tưới, "
                          "tiêu, mở mới các dịch vụ nhân lúa giống, kinh doanh vật tư nông nghiệp."),
             ("solution", "Đưa các hộ dân có trồng cây ăn trái, tham gia tập huấn, thành lập mới tổ Hợp tác trồng "
                          "xoài, nhân giống lúa của xã gắn với vùng nguyên liệu và được chứng nhận VietGAP hoặc "
                          "tương đương.")],
    "18.1": [("task", "Giai đoạn 2021 - 2025 tiếp tục kiện toàn, duy trì, nâng chất đội ngũ cán bộ, công chức của "
                      "xã hiện có."),
             ("solution", "Công tác đào tạo, bồi dưỡng, quy hoạch bố trí cán bộ để đáp ứng yêu cầu nhiệm vụ, chú ý "
                          "xây dựng đội ngũ cán bộ trẻ, cán bộ nữ. Căn cứ vào quy hoạch đưa đi đào tạo nâng cao trình "
                          "độ năng lực cho cán bộ. Thực hiện theo quyết định số 29 của UBND tỉnh giải quyết đầu ra cho "
                          "một số cán bộ không có khả năng đào tạo, đào tạo đối với cán bộ hiện có nhưng chưa đạt "
                          "chuẩn, có khả năng đào tạo lại (tuổi đời dưới 45 tuổi) và thực hiện luân chuyển cán bộ."),
             ("solution", "Công tác cán bộ phải được quan tâm chú trọng trước tiên về đào tạo cho đội ngũ đảng viên "
                          "đủ tiêu chuẩn quy định và phân công bố trí cán bộ phù hợp năng lực, tạo điều kiện cho cán "
                          "bộ hoàn thành nhiệm vụ, thông qua các phong trào của xã, công tác quy hoạch cán bộ phát "
                          "hiện ra nhân tố điển hình để giới thiệu cho Đảng.")],
}

WORKS = [  # (indicator, title, hamlet, due date: illustrative)
    ("2.1", "Nâng cấp, mở rộng tuyến đường ấp Hòa Tân, Hòa Thạnh", "Hòa Tân, Hòa Thạnh", date(2023, 9, 30)),
    ("2.1", "Nâng cấp đường Xếp Cỏ Găng thuộc 2 ấp Hòa Tân, Hòa Thạnh", "Hòa Tân, Hòa Thạnh", date(2023, 10, 31)),
    ("2.4", "Nâng cấp đường cộ Núi Nổi", "", date(2023, 12, 15)),
]

UNITS = [
    ("Ban Quản lý xây dựng NTM xã", "board"), ("Tổ giúp việc NTM", "board"),
    ("Văn phòng UBND xã", "department"), ("Công chức Địa chính - Xây dựng", "department"),
    ("Công chức Văn hóa - Xã hội", "department"), ("Trạm Y tế xã", "department"),
    ("Ủy ban MTTQ Việt Nam xã", "mass_org"), ("Hội Nông dân xã", "mass_org"),
    ("Hội Liên hiệp Phụ nữ xã", "mass_org"), ("Đoàn Thanh niên xã", "mass_org"),
    ("Ban phát triển ấp Hòa Tân", "hamlet_board"), ("Ban phát triển ấp Hòa Thạnh", "hamlet_board"),
]

# (name, position, board role, unit, criteria held). Only the first two names are in the seed.
MEMBERS = [
    ("Dương Văn Cảnh", "Chủ tịch UBND xã", "Trưởng ban", "Ban Quản lý xây dựng NTM xã", ["18", "19"]),
    ("Phạm Thị Kim Ngân", "Cán bộ phụ trách NTM xã", "Thành viên", "Tổ giúp việc NTM", ["10", "11"]),
    ("Nguyễn Văn An (minh họa)", "Công chức Địa chính - Xây dựng", "Thành viên",
     "Công chức Địa chính - Xây dựng", ["1", "2", "3", "9"]),
    ("Trần Thị Bình (minh họa)", "Công chức Văn hóa - Xã hội", "Thành viên",
     "Công chức Văn hóa - Xã hội", ["5", "6", "7", "8", "12", "14", "16"]),
    ("Lê Văn Cường (minh họa)", "Trưởng Trạm Y tế xã", "Thành viên", "Trạm Y tế xã", ["15", "17"]),
    ("Võ Thị Dung (minh họa)", "Chủ tịch Hội Nông dân xã", "Thành viên", "Hội Nông dân xã", ["4", "13"]),
]

SUPPORTS = {"2": ["Ban phát triển ấp Hòa Tân", "Ban phát triển ấp Hòa Thạnh"],
            "11": ["Ủy ban MTTQ Việt Nam xã", "Hội Liên hiệp Phụ nữ xã"],
            "12": ["Đoàn Thanh niên xã", "Hội Nông dân xã"], "13": ["Hội Nông dân xã"],
            "17": ["Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"], "16": ["Ủy ban MTTQ Việt Nam xã"]}

EVIDENCE = [  # (indicator, title, doc number, issuer, status, illustrative)
    ("1.1", "Quyết định phê duyệt đồ án quy hoạch chung xây dựng xã", "", "UBND thị xã Tân Châu", "missing"),
    ("1.2", "Quy định quản lý theo đồ án quy hoạch chung xây dựng xã", "", "UBND xã", "missing"),
    ("2.1", "Biên bản nghiệm thu tuyến đường ấp Hòa Tân, Hòa Thạnh", "", "UBND xã", "missing"),
    ("2.1", "Bảng thống kê hiện trạng đường xã", "", "Công chức Địa chính - Xây dựng", "collected"),
    ("11", "Quyết định công nhận kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022", "", "UBND xã", "checked"),
    ("12.1", "Báo cáo kết quả đào tạo nghề cho lao động nông thôn", "", "Công chức Văn hóa - Xã hội",
     "collected"),
    ("13.3", "Giấy chứng nhận VietGAP vùng nguyên liệu xoài", "", "Cơ quan chứng nhận", "missing"),
    ("18.1", "Danh sách cán bộ, công chức xã và trình độ chuyên môn", "", "Văn phòng UBND xã", "collected"),
    ("4.1", "Văn bản xác nhận hệ thống điện đạt chuẩn", "", "Điện lực Tân Châu", "checked"),
    ("8.1", "Xác nhận điểm phục vụ bưu chính", "", "Bưu điện thị xã", "checked"),
    ("15.1", "Số liệu tham gia bảo hiểm y tế năm 2022", "", "Bảo hiểm xã hội thị xã", "collected"),
    ("19.1", "Xác nhận lực lượng dân quân vững mạnh, rộng khắp", "", "Ban Chỉ huy Quân sự thị xã",
     "checked"),
]


# The 2022 results were known when plan 249 was written: entered then, not the day the demo loads.
PLAN_WRITTEN = datetime(2023, 2, 24, 8, 0)


def _baseline(commune: Commune, indicators: dict[str, Indicator]) -> None:
    unmet = set(TARGET_INDICATORS) | set(ILLUSTRATIVE_UNMET)
    rows = []
    for code, ind in indicators.items():
        status = rules.NOT_MET if code in unmet else rules.MET
        value, note = VALUES_2022.get(code, (None, ""))
        if code in ILLUSTRATIVE_UNMET:
            note = ILLUSTRATIVE
        if value is None and ind.kind == rules.YESNO:
            value = "Đạt" if status == rules.MET else "Không đạt"
        if value is None and ind.kind == rules.ABSENCE:
            value = "Không"
        number = rules.parse_number(value) if value and ind.kind in (rules.PERCENT, rules.AMOUNT) else None
        rows.append(dict(commune=commune.id, indicator=ind.id, year=2022, status=status, value=value,
                         value_number=number, note=note, data_date=date(2022, 12, 31),
                         version=1, updated_by="demo", updated_at=PLAN_WRITTEN))
    Result.insert_many(rows).execute()
    result_entries.record_loaded(commune.id)


def build_demo() -> Commune:
    """Fill the open database with the Tân Thạnh 2023 sample. Refuses a second copy."""
    cset = ensure_default_catalogue()
    with database.atomic():
        commune = create_commune("Tân Thạnh", "thị xã Tân Châu", "An Giang", catalogue_code=cset.code)
        set_active(commune)
        put_setting("current_year", "2023", commune)
        indicators = {i.code: i for i in Indicator.select().join(Criterion)
                      .where(Criterion.criteria_set == cset)}
        criteria = {c.code: c for c in Criterion.select().where(Criterion.criteria_set == cset)}
        _baseline(commune, indicators)

        plan = plans.ensure_plan(
            commune, 2023, number="249/KH-BQL", doc_date=date(2023, 2, 24),
            issuing_body="UBND XÃ TÂN THẠNH", issuing_unit="BQL XÂY DỰNG NTM", place="Tân Thạnh",
            subject="Về việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2023",
            signing_authority="TM. BQL NTM XÃ", signer_title="TRƯỞNG BAN",
            signer_position="CHỦ TỊCH UBND XÃ", signer_name="Dương Văn Cảnh",
            recipients="TT Đảng ủy, HĐND xã;\nThành viên BQL xã;\nLưu: VT.")
        plans.set_targets(plan, [indicators[c] for c in TARGET_INDICATORS],
                          [criteria[c] for c in TARGET_CRITERIA])
        for position, (key, title, body) in enumerate(SECTIONS):
            plans.add_section(plan, key, title, body, position)
        for code, items in ITEMS.items():
            for kind, text in items:
                plans.add_item(plan, indicators[code], kind, text)
        for code, title, hamlet, due in WORKS:
            plans.add_work(plan, indicators[code], title, hamlet=hamlet,
                           funding_note="Nhà nước và nhân dân cùng làm", due_date=due,
                           note="Hạn hoàn thành: " + ILLUSTRATIVE)

        units = {name: people.add_unit(commune, name, kind) for name, kind in UNITS}
        members = {}
        for name, position, role, unit, held in MEMBERS:
            member = people.add_member(commune, name, position, units[unit], board_role=role)
            members[name] = member
            for code in held:
                people.assign(commune, criteria[code], lead=member,
                              supports=[units[u] for u in SUPPORTS.get(code, [])],
                              decision="289/QĐ-UBND ngày 29/7/2022")
        officer = members["Phạm Thị Kim Ngân"]
        for code, title, number, issuer, status in EVIDENCE:
            holder = next((m for m in members.values()
                           if any(a.criterion.code == indicators[code].criterion.code
                                  for a in m.assignments)), officer)
            evidence.add_evidence(commune, indicators[code], 2023, title, doc_number=number,
                                  issuer=issuer, status=status, responsible=holder,
                                  note=ILLUSTRATIVE,
                                  status_date=date(2023, 2, 20) if status != "missing" else None)
        deadlines.set_calendar_start(commune, 2023)  # the sample's calendar: 2023 on
    return commune


def has_demo() -> bool:
    return any(fold(c.name) == "tan thanh" for c in Commune.select())
