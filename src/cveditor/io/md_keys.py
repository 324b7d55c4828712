"""The "key : value" labels of career documents, English and Korean, by the field
they fill ("수행 기간" → period, "연락처" → phone). Data only: md_vocabulary reads them
(key_kind), a bilingual label ("역할 / Role") by either half."""

from __future__ import annotations

KEY_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        *("프로젝트 명", "프로젝트명", "project", "project name", "과제명"),
        *("대표 프로젝트", "대표 과제", "key project", "key projects"),
    ),
    "officialName": (
        "공식 과제 명",
        "공식 과제명",
        "공식과제명",
        "official name",
        "client",
        "고객사",
    ),
    "period": (
        "수행 기간",
        "수행기간",
        "기간",
        "재직 기간",
        "재직기간",
        "근무 기간",
        *("재학 기간", "재학기간", "수학 기간", "참여 기간"),
        "period",
        "duration",
        "date",
        "dates",
        "일자",
    ),
    "techStack": (
        "사용 기술 스택",
        "사용 기술",
        "기술 스택",
        "기술스택",
        "기술",
        "tech stack",
        "stack",
        "technologies",
        "skills",
        "사용기술",
        "tech",
        *("tools", "tools used", "built with", "사용 도구", "도구", "툴"),
    ),
    "summary": (
        "세부 사항",
        "세부사항",
        "상세",
        "details",
        "description",
        "내용",
        "설명",
        "summary",
        "업무",
        *("주요 업무", "주요업무"),
    ),
    "highlights": (
        *("성과", "주요 성과", "results", "key results", "achievements", "accomplishments"),
        *("impact", "outcome", "result", "한 일", "한일", "what i did"),
    ),
    "team": ("팀 구성", "팀구성", "team", "team size", "인원", "팀", "부서", "department"),
    "role": ("역할", "role", "담당", "담당 업무", "담당업무"),
    "position": (
        *("직무", "직급", "직책", "직위", "position", "job title", "title"),
        *("최종 직위", "최종 직급", "최종직위", "최종직급"),
    ),
    "company": ("소속", "회사", "회사명", "company", "employer", "organization"),
    "person": (
        *("이름", "성명", "name", "employee", "작성자", "author", "지원자", "applicant"),
        *("me", "myself", "본인"),  # "**Me:** Dana Roh — analyst, Leeds"
    ),
    "label": (
        *("지원 분야", "지원 직무", "지원 부문", "지원 부서", "지원 포지션", "희망 직무"),
        *("applying for", "position applied for"),
    ),
    # items a profile list names in one line each ("- 현 근무지: 회사, 직위 (2022.03 ~ 현재)")
    "current_job": ("현 근무지", "현 직장", "현재 직장", "현 소속", "current employer"),
    "licence": (
        *("면허", "면허증", "보유 자격", "license", "licence", "자격", "자격증", "보유 자격증"),
        *("certification", "certifications", "certificates"),
    ),
    "last_education": ("최종 학력", "최종학력", "highest education"),
    "school": ("학교", "학교명", "school", "university", "institution", "대학교"),
    "major": ("전공", "major", "field of study", "학과"),
    "degree": ("학위", "degree"),
    "graduation": ("졸업", "졸업일", "graduated", "graduation"),
    "score": ("학점", "평점", "gpa"),
    "email": ("email", "e-mail", "mail", "이메일", "메일"),
    "phone": (
        "phone",
        "mobile",
        "tel",
        "cell",
        "전화",
        "휴대폰",
        "휴대전화",
        "휴대 전화",
        "연락처",
        "핸드폰",
        "연락",
        "contact",
    ),
    "url": (
        *("homepage", "website", "web", "blog", "블로그", "홈페이지", "site", "portfolio"),
        *("웹", "웹사이트", "포트폴리오"),
    ),
    "github": ("github", "깃허브"),
    "linkedin": ("linkedin", "링크드인"),
    "location": (
        *("address", "location", "city", "주소", "현주소", "현 주소", "거주지", "위치"),
        "거주 지역",
    ),
}
