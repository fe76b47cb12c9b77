package de.parkleit.app;

import de.parkleit.cityinit.AreaSpec;
import de.parkleit.cityinit.CityFolder;
import de.parkleit.cityinit.CityInit;
import de.parkleit.cityinit.CityInitException;
import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.cityinit.check.CheckReport;
import de.parkleit.cityinit.check.Finding;
import de.parkleit.cityinit.facilities.CsvMapping;
import de.parkleit.cityinit.facilities.FacilitySource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parkleit city init|check}: a city folder from an OSM extract and a facility list (README, "Your city"). */
@Command(name = "city", mixinStandardHelpOptions = true, description = "Build a city folder (init) or re-check one (check).",
        subcommands = {CityCommand.Init.class, CityCommand.Check.class})
final class CityCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Cuts the car roads of an area out of a regional OSM extract (streamed: any size), reads the",
                    "facilities, checks them against the road network and writes the city folder with city-report.md.",
                    "Exit 0: written; 2: bad usage, or the input does not make a city (nothing is written then)."})
    static final class Init implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, description = "the city's name")
        String name;

        @Option(names = "--osm", required = true, paramLabel = "FILE.osm.pbf", description = "regional OSM PBF extract (e.g. a Geofabrik file)")
        Path osm;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Area area;

        static final class Area {
            @Option(names = "--bbox", paramLabel = "W,S,E,N", description = "the area as a box in degrees")
            String bbox;

            @Option(names = "--boundary", paramLabel = "FILE.geojson", description = "the area as a GeoJSON (Multi)Polygon")
            Path boundary;

            @Option(names = "--around-facilities", paramLabel = "KM", description = "the box around the facilities, widened by KM")
            Double aroundKm;
        }

        @Option(names = "--facilities", paramLabel = "FILE", description = "facility list (default: amenity=parking of the extract)")
        Path facilities;

        @Option(names = "--format", defaultValue = "geojson", description = "geojson (ParkAPI2), parkapi3, datex2, ngsi or csv (default ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--csv-columns", paramLabel = "MAP", description = "CSV mapping: id=…,name=…,capacity=…,lat=…,lon=… or wkt=…; optional type, address, opening_hours")
        String csvColumns;

        @Option(names = "--csv-separator", defaultValue = ",", description = "CSV field separator (default '${DEFAULT-VALUE}')")
        char csvSeparator;

        @Option(names = "--signs", paramLabel = "FILE", description = "signs.geojson to copy in (default: propose signs.proposed.geojson)")
        Path signs;

        @Option(names = "--detectors", paramLabel = "FILE", description = "detectors.geojson to copy in")
        Path detectors;

        @Option(names = "--timezone", defaultValue = "Europe/Berlin", description = "the city's time zone (default ${DEFAULT-VALUE})")
        ZoneId timezone;

        @Option(names = "--locale", defaultValue = "en", description = "the web app's default language (default ${DEFAULT-VALUE})")
        String locale;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the city folder to write (must not exist)")
        Path out;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            CityInit.Result r;
            try {
                r = new CityInit().run(new CityInit.Request(name, osm, areaSpec(), source(), out, timezone, locale, signs, detectors));
            } catch (CityInitException e) {
                spec.commandLine().getErr().println("parkleit city init: " + e.getMessage());
                return CityInitException.UNUSABLE;
            }
            o.print(r.report().markdown());
            o.println();
            o.println(summary(r.report()) + "; written to " + r.folder() + (r.proposedSigns() > 0
                    ? " (" + r.proposedSigns() + " proposed signs in signs.proposed.geojson)" : ""));
            o.println("Run it: ./parkleit demo --city " + r.folder());
            o.flush();
            return 0;
        }

        private AreaSpec areaSpec() {
            try {
                return new AreaSpec(area.bbox == null ? null : BoundingBox.parse(area.bbox), area.boundary, area.aroundKm);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        private FacilitySource source() {
            if (facilities == null) {
                return null;
            }
            try {
                FacilitySource.Format f = FacilitySource.Format.parse(format);
                return new FacilitySource(facilities, f, csvColumns == null ? null : CsvMapping.parse(csvColumns), csvSeparator);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Re-runs the checks of city init on a city folder, prints them and rewrites its city-report.md.",
                    "Exit 0: no errors; 1: findings marked error; 2: not a usable city folder."})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "the city folder")
        Path dir;

        @Override
        public Integer call() {
            CheckReport report;
            try {
                report = new CityFolder(dir).check();
            } catch (CityInitException e) {
                spec.commandLine().getErr().println("parkleit city check: " + e.getMessage());
                return CityInitException.UNUSABLE;
            }
            PrintWriter o = spec.commandLine().getOut();
            o.print(report.markdown());
            o.println();
            o.println(summary(report));
            o.flush();
            return report.count(Finding.Severity.ERROR) > 0 ? 1 : 0;
        }
    }

    static String summary(CheckReport r) {
        return r.usable().size() + " facilities run, " + r.unconfirmed().size() + " kept aside; "
                + r.count(Finding.Severity.ERROR) + " errors, " + r.count(Finding.Severity.WARNING) + " warnings";
    }
}
