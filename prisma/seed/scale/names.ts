// Word lists the scale seed combines into plausible Vietnamese names. Generated names repeat
// across provinces, as real ones do ("Xã Tân Phú" exists in many provinces).

// The 34 provinces and cities after the 2025 reorganisation, with their GSO codes.
export const PROVINCES: [code: string, name: string][] = [
  ["01", "Thành phố Hà Nội"], ["04", "Tỉnh Cao Bằng"], ["08", "Tỉnh Tuyên Quang"], ["11", "Tỉnh Điện Biên"],
  ["12", "Tỉnh Lai Châu"], ["14", "Tỉnh Sơn La"], ["15", "Tỉnh Lào Cai"], ["19", "Tỉnh Thái Nguyên"],
  ["20", "Tỉnh Lạng Sơn"], ["22", "Tỉnh Quảng Ninh"], ["24", "Tỉnh Bắc Ninh"], ["25", "Tỉnh Phú Thọ"],
  ["31", "Thành phố Hải Phòng"], ["33", "Tỉnh Hưng Yên"], ["37", "Tỉnh Ninh Bình"], ["38", "Tỉnh Thanh Hóa"],
  ["40", "Tỉnh Nghệ An"], ["42", "Tỉnh Hà Tĩnh"], ["44", "Tỉnh Quảng Trị"], ["46", "Thành phố Huế"],
  ["48", "Thành phố Đà Nẵng"], ["51", "Tỉnh Quảng Ngãi"], ["52", "Tỉnh Gia Lai"], ["56", "Tỉnh Khánh Hòa"],
  ["66", "Tỉnh Đắk Lắk"], ["68", "Tỉnh Lâm Đồng"], ["75", "Tỉnh Đồng Nai"], ["79", "Thành phố Hồ Chí Minh"],
  ["80", "Tỉnh Tây Ninh"], ["82", "Tỉnh Đồng Tháp"], ["86", "Tỉnh Vĩnh Long"], ["91", "Tỉnh An Giang"],
  ["92", "Thành phố Cần Thơ"], ["96", "Tỉnh Cà Mau"],
];

// Two syllables make a commune or ward name: "Tân Hòa", "Phú Lộc"…
export const PLACE_FIRST = ["Tân", "Phú", "An", "Bình", "Hòa", "Thạnh", "Phước", "Long", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Thành", "Quang", "Minh", "Trung", "Mỹ", "Vĩnh", "Xuân", "Đức", "Thuận", "Yên", "Thái", "Sơn", "Hà", "Gia", "Kim", "Ngọc", "Hồng"];
export const PLACE_SECOND = ["Lộc", "Hòa", "Phú", "Thịnh", "Lợi", "Hiệp", "Tiến", "Thành", "Sơn", "Lâm", "Hải", "Bình", "An", "Hưng", "Phong", "Lạc", "Khánh", "Điền", "Mỹ", "Trường", "Quý", "Định", "Xuân", "Tân", "Đông", "Vinh", "Cường", "Dương", "Thủy", "Kiên"];

export const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Ma", "Nông", "Hà", "Lò"];
export const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Quốc", "Thu", "Kim"];
export const GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến"];
// Words that tell apart producers of one commune: "HTX Nông nghiệp Tân Hòa Xanh".
export const BRAND_WORDS = ["Xanh", "Sạch", "Hữu Cơ", "Thịnh Phát", "Phát Đạt", "Hưng Thịnh", "An Khang", "Tiến Thành", "Quê Hương", "Đồng Xanh", "Nông Sản", "Bản Địa", "Miền Núi", "Sông Hồng", "Đại Ngàn", "Vàng", "Bốn Mùa", "Thành Công", "Hợp Nhất", "Ngọc Lan"];
export const ETHNICITIES = ["Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Tày", "Nùng", "Thái", "Mường", "H'Mông", "Dao", "Khmer", "Ê Đê"];

// Producer types as the national OCOP figures spread them: cooperatives first, then
// enterprises and household businesses, few farms and associations (weights in percent).
export const PRODUCER_TYPES: [type: string, weight: number, prefix: string][] = [
  ["COOPERATIVE", 40, "HTX Nông nghiệp"],
  ["ENTERPRISE", 24, "Công ty TNHH"],
  ["HOUSEHOLD_BUSINESS", 24, "Hộ kinh doanh"],
  ["COOPERATIVE_GROUP", 6, "Tổ hợp tác"],
  ["FARM", 4, "Trang trại"],
  ["ASSOCIATION_OR_CENTRE", 2, "Hội nghề"],
];

// Product stems per criteria set (QĐ26 Annex I), and how common each set is among recognised
// products (food sets dominate: sets 1–13 are about 80 % of the national catalogue).
export const STEMS: Record<number, { weight: number; stems: string[] }> = {
  1: { weight: 12, stems: ["Cam sành", "Bưởi da xanh", "Na dai", "Hồng không hạt", "Chuối tiêu hồng", "Vải thiều", "Nhãn lồng", "Măng tre", "Khoai môn", "Dưa lưới"] },
  2: { weight: 5, stems: ["Gà đồi", "Trứng gà ri", "Cá lăng", "Tôm càng xanh", "Sữa bò tươi", "Lợn đen", "Vịt bầu"] },
  3: { weight: 6, stems: ["Gạo nếp cái hoa vàng", "Gạo Bao Thai", "Gạo ST25", "Đậu tương", "Lạc đỏ", "Gạo tám thơm"] },
  4: { weight: 4, stems: ["Mật ong bạc hà", "Mật ong rừng", "Mật ong hoa nhãn", "Mật ong hoa cà phê"] },
  5: { weight: 1, stems: ["Bánh mì que", "Xôi ngũ sắc", "Cơm cháy chà bông"] },
  6: { weight: 9, stems: ["Miến dong", "Bánh đa", "Bún khô", "Phở khô", "Bánh chưng", "Bánh gai", "Bánh cuốn khô", "Cốm"] },
  7: { weight: 9, stems: ["Mứt gừng", "Hồng sấy", "Măng khô", "Mít sấy", "Chuối sấy dẻo", "Tinh bột nghệ", "Mứt me"] },
  8: { weight: 8, stems: ["Lạp xưởng", "Thịt trâu gác bếp", "Chả cá", "Giò bò", "Ruốc cá hồi", "Nem chua", "Cá khô"] },
  9: { weight: 3, stems: ["Nước mắm cá cơm", "Tương bần", "Nước mắm nhĩ", "Tương ớt"] },
  10: { weight: 3, stems: ["Muối tôm", "Tỏi cô đơn", "Tiêu đen", "Muối mắc khén", "Hành tím"] },
  11: { weight: 8, stems: ["Chè Shan tuyết", "Trà búp", "Chè xanh", "Trà ô long", "Chè móc câu"] },
  12: { weight: 4, stems: ["Trà hoa vàng", "Trà dây", "Trà atiso", "Trà túi lọc lá sen", "Trà gừng"] },
  13: { weight: 3, stems: ["Cà phê Robusta rang xay", "Cà phê Arabica", "Cacao nguyên chất", "Cà phê hạt"] },
  14: { weight: 4, stems: ["Rượu ngô men lá", "Rượu nếp cẩm", "Rượu làng Vân", "Rượu mơ"] },
  15: { weight: 1, stems: ["Rượu vang sim", "Rượu mơ lên men", "Bia thủ công"] },
  16: { weight: 1, stems: ["Nước khoáng thiên nhiên", "Nước uống đóng chai"] },
  17: { weight: 2, stems: ["Nước cốt chanh leo", "Siro dâu", "Nước gạo rang"] },
  18: { weight: 3, stems: ["Cao dược liệu", "Viên hoàn Đông y", "Tinh nghệ Curcumin", "Cao xương khớp"] },
  19: { weight: 1, stems: ["Dầu gội thảo dược", "Xà phòng thiên nhiên", "Son dưỡng dầu dừa"] },
  20: { weight: 1, stems: ["Tinh dầu quế", "Tinh dầu sả chanh", "Tinh dầu tràm"] },
  21: { weight: 4, stems: ["Mây tre đan", "Gốm men lam", "Nón lá", "Chiếu cói", "Tranh thêu tay"] },
  22: { weight: 1, stems: ["Thổ cẩm dệt tay", "Khăn lụa tơ tằm", "Áo chàm"] },
  23: { weight: 1, stems: ["Hoa lan Hồ Điệp", "Hoa đào", "Hoa cúc"] },
  24: { weight: 1, stems: ["Cây cảnh bonsai", "Quất cảnh", "Mai vàng"] },
  25: { weight: 0.3, stems: ["Cá cảnh Koi", "Chim cảnh"] },
  26: { weight: 0.7, stems: ["Du lịch cộng đồng bản", "Điểm du lịch sinh thái", "Homestay làng"] },
};
