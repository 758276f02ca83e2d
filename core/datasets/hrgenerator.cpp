#include "datasets/hrgenerator.h"

#include "datasets/datasetrandom.h"
#include "datasets/samplenames.h"
#include "datasets/textbuilder.h"
#include "datasets/valuetext.h"

#include <QByteArray>

#include <algorithm>
#include <vector>

namespace dblearn {

namespace {

using Scaling = TableSpec::Scaling;

struct Department {
    const char *code;
    const char *name;
    const char *location;
    const char *title;     // what most people there are called
    const char *leadTitle; // team leads
    int weight;            // relative size
    int skills[6];         // skill ids typical of the department
};

const Department departments[] = {
    {"EXE", "Executive", "London", "Executive Assistant", "Chief of Staff", 1, {5, 13, 14, 15, 6, 1}},
    {"ENG", "Engineering", "Berlin", "Software Engineer", "Engineering Lead", 8, {1, 2, 3, 4, 7, 8}},
    {"DAT", "Data", "Amsterdam", "Data Scientist", "Data Lead", 4, {1, 2, 9, 10, 11, 12}},
    {"SAL", "Sales", "New York", "Account Executive", "Sales Lead", 4, {13, 14, 15, 5, 16, 6}},
    {"MKT", "Marketing", "Paris", "Marketing Specialist", "Marketing Lead", 3, {16, 15, 6, 12, 11, 5}},
    {"FIN", "Finance", "London", "Financial Analyst", "Finance Lead", 2, {17, 6, 1, 12, 5, 13}},
    {"PPL", "People", "Dublin", "People Partner", "People Lead", 2, {18, 15, 5, 6, 13, 14}},
    {"SUP", "Customer Support", "Lisbon", "Support Specialist", "Support Lead", 4, {19, 20, 15, 5, 1, 6}},
};
constexpr int departmentCount = int(sizeof departments / sizeof departments[0]);

struct Skill {
    const char *name;
    const char *category;
};

const Skill skills[] = {
    {"SQL", "data"},          {"Python", "programming"},   {"Go", "programming"},
    {"TypeScript", "programming"}, {"Excel", "business"},  {"Presentations", "communication"},
    {"Kubernetes", "operations"}, {"Terraform", "operations"}, {"Machine learning", "data"},
    {"Statistics", "data"},   {"Tableau", "data"},         {"A/B testing", "data"},
    {"Negotiation", "business"}, {"Forecasting", "business"}, {"Public speaking", "communication"},
    {"Copywriting", "communication"}, {"Accounting", "business"}, {"Recruiting", "business"},
    {"Troubleshooting", "operations"}, {"Customer empathy", "communication"},
};
constexpr int skillCount = int(sizeof skills / sizeof skills[0]);

const char *const projectWords[] = {"Apollo", "Borealis", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor",
                                    "Ion", "Juniper", "Kestrel", "Lumen"};
const char *const projectKinds[] = {"Migration", "Launch", "Redesign", "Audit", "Automation", "Expansion"};

const qint64 hireFrom = ValueText::epoch(2015, 1, 1);
const qint64 hireTo = ValueText::epoch(2024, 7, 1);

struct Employee {
    const char *first = nullptr;
    const char *last = nullptr;
    int department = 0; // index into departments
    qint64 manager = 0; // 0: none
    int level = 0;      // 0 staff, 1 team lead, 2 head of department, 3 CEO
    qint64 hiredAt = 0;
    qint64 salary = 0;  // whole euros
    std::vector<int> skills;  // skill ids, with levels below
    std::vector<int> skillLevels;
    std::vector<qint64> projects; // project ids, with roles and hours below
    std::vector<int> hours;
};

struct Project {
    int department = 0;
    QByteArray name;
    qint64 budget = 0; // whole euros
    qint64 start = 0;
};

void appendEmail(TextBuilder &text, const Employee &e, qint64 id)
{
    text.appendSlug(e.first).append('.').appendSlug(e.last).appendInteger(id).append("@corp.example");
}

const char *titleOf(const Employee &e)
{
    if (e.level == 3)
        return "Chief Executive Officer";
    if (e.level == 2)
        return "Head of Department";
    return e.level == 1 ? departments[e.department].leadTitle : departments[e.department].title;
}

const char *roleOf(const Employee &e, int index)
{
    if (e.level >= 1 && index == 0)
        return "lead";
    return index % 2 == 0 ? "contributor" : "reviewer";
}

} // namespace

HrGenerator::HrGenerator()
{
    m_tables << TableSpec(QStringLiteral("departments"), departmentCount, Scaling::Fixed,
                          QStringLiteral("Departments, each at one location."))
                    .id()
                    .column(QStringLiteral("code"), ColumnType::ShortText, 10)
                    .column(QStringLiteral("name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("location"), ColumnType::ShortText, 60)
                    .uniqueIndex({QStringLiteral("code")});
    m_tables << TableSpec(QStringLiteral("skills"), skillCount, Scaling::Fixed, QStringLiteral("A skills catalogue."))
                    .id()
                    .column(QStringLiteral("name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("category"), ColumnType::ShortText, 40)
                    .uniqueIndex({QStringLiteral("name")});
    m_tables << TableSpec(QStringLiteral("employees"), 50, Scaling::Linear,
                          QStringLiteral("Employees; manager_id points at another employee (NULL for the CEO), "
                                         "so the org chart is a tree. Managers were hired before their reports."))
                    .id()
                    .column(QStringLiteral("first_name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("last_name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("email"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("job_title"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("department_id"), ColumnType::Integer)
                    .nullable(QStringLiteral("manager_id"), ColumnType::Integer)
                    .column(QStringLiteral("hire_date"), ColumnType::Date)
                    .column(QStringLiteral("salary"), ColumnType::Decimal, 10, 2)
                    .references({QStringLiteral("department_id")}, QStringLiteral("departments"))
                    .references({QStringLiteral("manager_id")}, QStringLiteral("employees"))
                    .uniqueIndex({QStringLiteral("email")})
                    .index({QStringLiteral("department_id")})
                    .index({QStringLiteral("manager_id")});
    m_tables << TableSpec(QStringLiteral("employee_skills"), 125, Scaling::Linear,
                          QStringLiteral("Which employee has which skill, at level 1-5 (1 to 4 skills each)."))
                    .column(QStringLiteral("employee_id"), ColumnType::Integer)
                    .column(QStringLiteral("skill_id"), ColumnType::Integer)
                    .column(QStringLiteral("level"), ColumnType::Integer)
                    .key({QStringLiteral("employee_id"), QStringLiteral("skill_id")})
                    .references({QStringLiteral("employee_id")}, QStringLiteral("employees"))
                    .references({QStringLiteral("skill_id")}, QStringLiteral("skills"))
                    .check(QStringLiteral("level BETWEEN 1 AND 5"))
                    .index({QStringLiteral("skill_id")});
    m_tables << TableSpec(QStringLiteral("projects"), 10, Scaling::Linear,
                          QStringLiteral("Projects, each owned by a department."))
                    .id()
                    .column(QStringLiteral("code"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("name"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("department_id"), ColumnType::Integer)
                    .column(QStringLiteral("budget"), ColumnType::Decimal, 12, 2)
                    .column(QStringLiteral("start_date"), ColumnType::Date)
                    .references({QStringLiteral("department_id")}, QStringLiteral("departments"))
                    .uniqueIndex({QStringLiteral("code")});
    m_tables << TableSpec(QStringLiteral("project_assignments"), 75, Scaling::Linear,
                          QStringLiteral("Who works on which project, in what role and for how many hours a week "
                                         "(1 or 2 projects each)."))
                    .column(QStringLiteral("employee_id"), ColumnType::Integer)
                    .column(QStringLiteral("project_id"), ColumnType::Integer)
                    .column(QStringLiteral("role"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("hours_per_week"), ColumnType::Integer)
                    .key({QStringLiteral("employee_id"), QStringLiteral("project_id")})
                    .references({QStringLiteral("employee_id")}, QStringLiteral("employees"))
                    .references({QStringLiteral("project_id")}, QStringLiteral("projects"))
                    .check(QStringLiteral("hours_per_week BETWEEN 1 AND 40"))
                    .index({QStringLiteral("project_id")});
    m_tables << TableSpec(QStringLiteral("employees_sheet"), 75, Scaling::Linear,
                          QStringLiteral("The same facts as one spreadsheet, as HR exported it: a row per employee "
                                         "and project, department and manager details repeated on every row, and all "
                                         "of an employee's skills in one comma-separated cell. No keys but the row "
                                         "number."))
                    .column(QStringLiteral("row_no"), ColumnType::Integer)
                    .column(QStringLiteral("employee_id"), ColumnType::Integer)
                    .column(QStringLiteral("employee_name"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("employee_email"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("job_title"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("department_code"), ColumnType::ShortText, 10)
                    .column(QStringLiteral("department_name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("department_location"), ColumnType::ShortText, 60)
                    .nullable(QStringLiteral("manager_name"), ColumnType::ShortText, 120)
                    .nullable(QStringLiteral("manager_email"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("skills"), ColumnType::Text)
                    .column(QStringLiteral("project_code"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("project_name"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("project_role"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("hours_per_week"), ColumnType::Integer)
                    .key({QStringLiteral("row_no")});
}

QString HrGenerator::name() const
{
    return QStringLiteral("hr");
}

QString HrGenerator::title() const
{
    return QStringLiteral("HR: a spreadsheet and its normal form");
}

QString HrGenerator::description() const
{
    return QStringLiteral("An HR spreadsheet export (one wide table with repeated department and manager data and "
                          "a multi-valued skills cell) next to the same facts in normal form: departments, "
                          "employees with a manager hierarchy, skills, projects and assignments. For ER modelling, "
                          "functional dependencies and normal forms (1NF to BCNF).");
}

QString HrGenerator::scaleNote() const
{
    return QStringLiteral("Scale 100 gives 5,000 employees; the eight departments and twenty skills stay fixed.");
}

bool HrGenerator::generate(DatasetSink &sink, int scale, quint64 seed) const
{
    TableWriter &departmentRows = sink.table(QStringLiteral("departments"));
    TableWriter &skillRows = sink.table(QStringLiteral("skills"));
    TableWriter &employeeRows = sink.table(QStringLiteral("employees"));
    TableWriter &employeeSkillRows = sink.table(QStringLiteral("employee_skills"));
    TableWriter &projectRows = sink.table(QStringLiteral("projects"));
    TableWriter &assignmentRows = sink.table(QStringLiteral("project_assignments"));
    TableWriter &sheetRows = sink.table(QStringLiteral("employees_sheet"));
    const qint64 employeeCount = rowCount(QStringLiteral("employees"), scale);
    const qint64 projectCount = rowCount(QStringLiteral("projects"), scale);

    DatasetRandom random("hr", seed, "employees");
    DatasetRandom skillRandom("hr", seed, "employee_skills");
    DatasetRandom projectRandom("hr", seed, "projects");

    // Projects: owned round-robin by the departments other than Executive.
    std::vector<Project> projects(size_t(projectCount) + 1);
    std::vector<std::vector<qint64>> projectsOf(departmentCount);
    for (qint64 id = 1; id <= projectCount; ++id) {
        Project &p = projects[size_t(id)];
        p.department = 1 + int((id - 1) % (departmentCount - 1));
        p.name = QByteArray(projectWords[projectRandom.uniform(0, 11)]) + ' ' + projectKinds[projectRandom.uniform(0, 5)];
        p.budget = 1000 * projectRandom.uniform(20, 900);
        p.start = ValueText::epoch(2022, 1, 1) + projectRandom.uniform(0, 900) * ValueText::day;
        projectsOf[size_t(p.department)].push_back(id);
    }

    // Employees in hiring order: the CEO, the heads of the other departments, then everyone else.
    int totalWeight = 0;
    for (const Department &d : departments)
        totalWeight += d.weight;
    std::vector<Employee> employees(size_t(employeeCount) + 1);
    std::vector<std::vector<qint64>> managersOf(departmentCount); // head and team leads
    int skillsPerEmployee[2] = {1, 4};
    int projectsPerEmployee[2] = {1, 2};
    const int skillPairs[4][2] = {{1, 4}, {4, 1}, {2, 3}, {3, 2}};
    for (qint64 id = 1; id <= employeeCount; ++id) {
        Employee &e = employees[size_t(id)];
        e.first = SampleNames::randomFirstName(random);
        e.last = SampleNames::randomLastName(random);
        e.hiredAt = random.uniform(hireFrom + (hireTo - hireFrom) * (id - 1) / employeeCount,
                                   hireFrom + (hireTo - hireFrom) * id / employeeCount - 1);
        if (id == 1) {
            e.department = 0;
            e.level = 3;
            e.salary = 240000;
        } else if (id <= departmentCount) {
            e.department = int(id - 1);
            e.level = 2;
            e.manager = 1;
            e.salary = 1000 * random.uniform(120, 170);
        } else {
            int pick = int(random.uniform(0, totalWeight - 1));
            e.department = 0;
            while (pick >= departments[e.department].weight)
                pick -= departments[e.department].weight, ++e.department;
            const std::vector<qint64> &managers = managersOf[size_t(e.department)];
            e.manager = e.department == 0 || managers.empty() ? 1
                                                              : managers[size_t(random.uniform(0, qint64(managers.size()) - 1))];
            e.level = e.department != 0 && random.chance(120) ? 1 : 0;
            e.salary = e.level == 1 ? 1000 * random.uniform(85, 125) : 1000 * random.uniform(42, 95);
        }
        if (e.level == 1 || e.level == 2)
            managersOf[size_t(e.department)].push_back(id);

        if ((id - 1) % 2 == 0) {
            const int *pair = skillPairs[skillRandom.uniform(0, 3)];
            skillsPerEmployee[0] = pair[0];
            skillsPerEmployee[1] = pair[1];
            projectsPerEmployee[0] = int(projectRandom.uniform(1, 2));
            projectsPerEmployee[1] = 3 - projectsPerEmployee[0];
        }
        const int skillCountHere = skillsPerEmployee[(id - 1) % 2];
        while (int(e.skills.size()) < skillCountHere) {
            const int candidate = skillRandom.chance(750) ? departments[e.department].skills[skillRandom.uniform(0, 5)]
                                                          : int(skillRandom.uniform(1, skillCount));
            if (std::find(e.skills.begin(), e.skills.end(), candidate) == e.skills.end()) {
                e.skills.push_back(candidate);
                e.skillLevels.push_back(int(skillRandom.uniform(1, 5)));
            }
        }
        const int projectCountHere = projectsPerEmployee[(id - 1) % 2];
        const std::vector<qint64> &own = projectsOf[size_t(e.department)];
        while (int(e.projects.size()) < projectCountHere) {
            const qint64 candidate = !own.empty() && projectRandom.chance(700)
                ? own[size_t(projectRandom.uniform(0, qint64(own.size()) - 1))]
                : projectRandom.uniform(1, projectCount);
            if (std::find(e.projects.begin(), e.projects.end(), candidate) == e.projects.end()) {
                e.projects.push_back(candidate);
                e.hours.push_back(int(projectRandom.uniform(1, 8)) * 4);
            }
        }
    }

    for (int d = 0; d < departmentCount; ++d) {
        departmentRows.addInteger(d + 1);
        departmentRows.addText(departments[d].code);
        departmentRows.addText(departments[d].name);
        departmentRows.addText(departments[d].location);
        if (!departmentRows.endRow())
            return false;
    }
    for (int s = 0; s < skillCount; ++s) {
        skillRows.addInteger(s + 1);
        skillRows.addText(skills[s].name);
        skillRows.addText(skills[s].category);
        if (!skillRows.endRow())
            return false;
    }

    TextBuilder text;
    for (qint64 id = 1; id <= employeeCount; ++id) {
        const Employee &e = employees[size_t(id)];
        employeeRows.addInteger(id);
        employeeRows.addText(e.first);
        employeeRows.addText(e.last);
        text.clear();
        appendEmail(text, e, id);
        employeeRows.addText(text.data(), text.size());
        employeeRows.addText(titleOf(e));
        employeeRows.addInteger(e.department + 1);
        employeeRows.addNullableInteger(e.manager, e.manager == 0);
        employeeRows.addDate(e.hiredAt);
        employeeRows.addFixed(e.salary * 100, 2);
        if (!employeeRows.endRow())
            return false;
        for (size_t k = 0; k < e.skills.size(); ++k) {
            employeeSkillRows.addInteger(id);
            employeeSkillRows.addInteger(e.skills[k]);
            employeeSkillRows.addInteger(e.skillLevels[k]);
            if (!employeeSkillRows.endRow())
                return false;
        }
    }

    for (qint64 id = 1; id <= projectCount; ++id) {
        const Project &p = projects[size_t(id)];
        projectRows.addInteger(id);
        text.clear().append("PRJ-").appendPadded(id, 4);
        projectRows.addText(text.data(), text.size());
        projectRows.addText(p.name);
        projectRows.addInteger(p.department + 1);
        projectRows.addFixed(p.budget * 100, 2);
        projectRows.addDate(p.start);
        if (!projectRows.endRow())
            return false;
    }

    qint64 row = 0;
    TextBuilder skillList, managerName, managerEmail;
    std::vector<const char *> names;
    for (qint64 id = 1; id <= employeeCount; ++id) {
        const Employee &e = employees[size_t(id)];
        const Department &d = departments[e.department];
        names.clear();
        for (const int s : e.skills)
            names.push_back(skills[s - 1].name);
        std::sort(names.begin(), names.end(), [](const char *a, const char *b) { return qstrcmp(a, b) < 0; });
        skillList.clear();
        for (size_t k = 0; k < names.size(); ++k)
            (k ? skillList.append(", ") : skillList).append(names[k]);
        if (e.manager) {
            const Employee &m = employees[size_t(e.manager)];
            managerName.clear().append(m.first).append(' ').append(m.last);
            managerEmail.clear();
            appendEmail(managerEmail, m, e.manager);
        }
        for (size_t k = 0; k < e.projects.size(); ++k) {
            const qint64 projectId = e.projects[k];
            const char *role = roleOf(e, int(k));
            assignmentRows.addInteger(id);
            assignmentRows.addInteger(projectId);
            assignmentRows.addText(role);
            assignmentRows.addInteger(e.hours[k]);
            if (!assignmentRows.endRow())
                return false;

            sheetRows.addInteger(++row);
            sheetRows.addInteger(id);
            text.clear().append(e.first).append(' ').append(e.last);
            sheetRows.addText(text.data(), text.size());
            text.clear();
            appendEmail(text, e, id);
            sheetRows.addText(text.data(), text.size());
            sheetRows.addText(titleOf(e));
            sheetRows.addText(d.code);
            sheetRows.addText(d.name);
            sheetRows.addText(d.location);
            if (e.manager) {
                sheetRows.addText(managerName.data(), managerName.size());
                sheetRows.addText(managerEmail.data(), managerEmail.size());
            } else {
                sheetRows.addNull();
                sheetRows.addNull();
            }
            sheetRows.addText(skillList.data(), skillList.size());
            text.clear().append("PRJ-").appendPadded(projectId, 4);
            sheetRows.addText(text.data(), text.size());
            sheetRows.addText(projects[size_t(projectId)].name);
            sheetRows.addText(role);
            sheetRows.addInteger(e.hours[k]);
            if (!sheetRows.endRow())
                return false;
        }
    }
    return true;
}

} // namespace dblearn
