#include "datasets/samplenames.h"

#include "datasets/datasetrandom.h"

namespace dblearn {

namespace {

const char *const firstNames[] = {
    "Ada",    "Alan",   "Grace",  "Edsger", "Barbara", "Donald", "Frances", "Ken",     "Margaret", "Dennis",
    "Radia",  "Tim",    "Hedy",   "Linus",  "Katherine", "John", "Mary",    "James",   "Sofia",    "Lucas",
    "Emma",   "Noah",   "Olivia", "Liam",   "Mia",     "Mateo",  "Amara",   "Kenji",   "Priya",    "Arjun",
    "Chen",   "Wei",    "Fatima", "Omar",   "Leila",   "Ivan",   "Anya",    "Pedro",   "Lucia",    "Diego",
    "Ines",   "Hugo",   "Chloe",  "Louis",  "Clara",   "Felix",  "Nora",    "Erik",    "Astrid",   "Sven",
    "Yuki",   "Hana",   "Jin",    "Min",    "Aisha",   "Kwame",  "Zola",    "Tariq",   "Elif",     "Emre",
    "Maya",   "Ravi",   "Sara",   "Tomas",
};

const char *const lastNames[] = {
    "Smith",   "Johnson", "Garcia",  "Martinez", "Brown",   "Lee",     "Nguyen",   "Kim",     "Patel",  "Singh",
    "Chen",    "Wang",    "Mueller", "Schmidt",  "Rossi",   "Bianchi", "Dubois",   "Martin",  "Silva",  "Santos",
    "Costa",   "Kowalski", "Novak",  "Petrov",   "Jensen",  "Hansen",  "Larsen",   "Berg",    "Virtanen", "Tanaka",
    "Sato",    "Suzuki",  "Yamamoto", "Okafor",  "Mensah",  "Diallo",  "Haddad",   "Khan",    "Ahmed",  "Cohen",
    "Levi",    "O'Brien", "Murphy",  "Walsh",    "Kelly",   "Fischer", "Weber",    "Wagner",  "Becker", "Moreau",
    "Laurent", "Romero",  "Torres",  "Flores",   "Rivera",  "Gomez",   "Alvarez",  "Nakamura", "Park",  "Choi",
    "Das",     "Rao",     "Iyer",    "D'Souza",
};

const SampleNames::Place places[] = {
    {"London", "United Kingdom"}, {"New York", "United States"}, {"Berlin", "Germany"},
    {"Paris", "France"},          {"Amsterdam", "Netherlands"},  {"Madrid", "Spain"},
    {"Toronto", "Canada"},        {"Chicago", "United States"},  {"Munich", "Germany"},
    {"Barcelona", "Spain"},       {"Milan", "Italy"},            {"Rome", "Italy"},
    {"Tokyo", "Japan"},           {"Singapore", "Singapore"},    {"Sydney", "Australia"},
    {"Lisbon", "Portugal"},       {"Dublin", "Ireland"},         {"Stockholm", "Sweden"},
    {"Vienna", "Austria"},        {"Zurich", "Switzerland"},     {"Brussels", "Belgium"},
    {"Copenhagen", "Denmark"},    {"Warsaw", "Poland"},          {"Prague", "Czechia"},
    {"Oslo", "Norway"},           {"Helsinki", "Finland"},       {"Lyon", "France"},
    {"Hamburg", "Germany"},       {"Manchester", "United Kingdom"}, {"San Francisco", "United States"},
    {"Austin", "United States"},  {"Montreal", "Canada"},        {"Rotterdam", "Netherlands"},
    {"Sao Paulo", "Brazil"},      {"Mexico City", "Mexico"},     {"Bangalore", "India"},
};

template<typename T, size_t N>
constexpr int countOf(const T (&)[N])
{
    return int(N);
}

} // namespace

int SampleNames::firstNameCount()
{
    return countOf(firstNames);
}

int SampleNames::lastNameCount()
{
    return countOf(lastNames);
}

int SampleNames::placeCount()
{
    return countOf(places);
}

const char *SampleNames::firstName(int index)
{
    return firstNames[index % countOf(firstNames)];
}

const char *SampleNames::lastName(int index)
{
    return lastNames[index % countOf(lastNames)];
}

const SampleNames::Place &SampleNames::place(int index)
{
    return places[index % countOf(places)];
}

const char *SampleNames::randomFirstName(DatasetRandom &random)
{
    return firstNames[random.uniform(0, countOf(firstNames) - 1)];
}

const char *SampleNames::randomLastName(DatasetRandom &random)
{
    return lastNames[random.uniform(0, countOf(lastNames) - 1)];
}

const SampleNames::Place &SampleNames::randomPlace(DatasetRandom &random)
{
    return places[random.skewed(countOf(places), 2)];
}

int SampleNames::slug(const char *name, char *out, int capacity)
{
    int n = 0;
    for (const char *p = name; *p && n < capacity; ++p) {
        const char c = *p;
        if (c >= 'A' && c <= 'Z')
            out[n++] = char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[n++] = c;
    }
    return n;
}

} // namespace dblearn
