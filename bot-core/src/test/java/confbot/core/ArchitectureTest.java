package confbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries the module graph cannot enforce (STYLE.md 4.3). */
final class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("confbot.core", "confbot.knowledge");
    }

    @Test
    void coreNeverTouchesChatPlatformsOrTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("confbot.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.telegram..", "net.dv8tion..", "picocli..")
                .check(classes);
    }

    @Test
    void knowledgeNeverTouchesSearchOrTheCore() {
        noClasses()
                .that()
                .resideInAPackage("confbot.knowledge..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.lucene..", "confbot.core..")
                .check(classes);
    }

    @Test
    void onlyIndexAndRetrieveTouchLucene() {
        noClasses()
                .that()
                .resideInAPackage("confbot..")
                .and()
                .resideOutsideOfPackages("confbot.core.index..", "confbot.core.retrieve..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.lucene..")
                .check(classes);
    }

    @Test
    void coreNeverWritesToStandardStreams() {
        noClasses()
                .that()
                .resideInAPackage("confbot.core..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void coreNeverUsesJavaUtilLogging() {
        noClasses()
                .that()
                .resideInAPackage("confbot..")
                .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
                .check(classes);
    }
}
