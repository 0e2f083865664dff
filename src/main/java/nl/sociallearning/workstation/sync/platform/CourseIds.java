package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.sync.ServerAddress;

import java.util.Locale;

/**
 * Course ids for platforms whose site is the course (NodeBB, Discourse): the platform's name and the site's
 * address, so two sites never share a course id in the cache.
 */
public final class CourseIds {

    private CourseIds() {
    }

    public static String forSite(String platform, ServerAddress server) {
        var uri = server.baseUri();
        String host = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return platform + "@" + host + path;
    }
}
