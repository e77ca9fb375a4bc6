// The words of the two error pages that stand outside every translation provider: app/error.tsx
// (a layout failed, so no page sent its catalogue) and app/global-error.tsx (the root layout
// failed). They must not depend on the database or the message catalogue being reachable, so
// they are kept here, in both languages, with the same wording as errors.INTERNAL and common.retry.
export const FAULT_TEXT = {
  vi: {
    title: "Cổng OCOP tạm thời gián đoạn",
    message: "Đã có lỗi ngoài dự kiến. Thông tin của bạn chưa bị mất; vui lòng thử lại sau ít phút.",
    retry: "Thử lại",
    home: "Về trang chủ",
  },
  en: {
    title: "The OCOP portal is briefly unavailable",
    message: "Something unexpected went wrong. Nothing you entered is lost; please try again in a few minutes.",
    retry: "Try again",
    home: "Go to the home page",
  },
} as const;

export type FaultLocale = keyof typeof FAULT_TEXT;
